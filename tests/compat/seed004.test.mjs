// R-ARM acceptance: the official, unmodified @azure/arm-billing@4.1.0 and
// @azure/arm-consumption@9.2.0 clients (only endpoint and credential changed) read seed 004's
// credit example back from a running Purser, and every value they hand their caller is checked.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { all, billingClient, consumptionClient, startPurser } from "./lib/purser.mjs";
import { expires, granted, loadSeed004, pendingCharge, period, settledCharge, soldTo } from "./lib/seed004.mjs";

const usd = (value) => ({ currency: "USD", value });
const usdAt1 = (value) => ({ currency: "USD", value, exchangeRate: 1, exchangeRateMonth: 0 });
const day = (iso) => new Date(`${iso}T00:00:00Z`);
/** Drops null and undefined members, so a shape compares by the values it actually carries. */
const carried = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

let purser;
let seed;
let billing;
let consumption;
let accountName;
let profileName;
let accountId;
let profileId;
let invoiceNumber;

before(async () => {
  purser = await startPurser();
  seed = await loadSeed004(purser);
  billing = billingClient(purser, seed.readerToken);
  consumption = consumptionClient(purser, seed.readerToken);
  accountName = seed.account.name;
  profileName = seed.profile.name;
  accountId = `/providers/Microsoft.Billing/billingAccounts/${accountName}`;
  profileId = `${accountId}/billingProfiles/${profileName}`;
  invoiceNumber = seed.invoice.invoiceNumber;
});

after(async () => {
  await purser?.stop();
});

describe("operator API loads seed 004", () => {
  test("the billing run settles the 2.13 charge into one invoice paid by credit", () => {
    assert.match(invoiceNumber, /^G\d{9}$/);
    assert.equal(seed.invoice.subTotal, 2.13);
    assert.equal(seed.invoice.creditApplied, 2.13);
    assert.equal(seed.invoice.amountDue, 0);
    assert.equal(seed.invoice.currency, "USD");
  });
});

describe("@azure/arm-billing 4.1.0", () => {
  function expectedProfile() {
    return {
      id: profileId,
      name: profileName,
      type: "Microsoft.Billing/billingAccounts/billingProfiles",
      displayName: "Development",
      currency: "USD",
      invoiceDay: 5,
      billTo: soldTo, // a profile created without billTo is billed to the account's sold-to address
      invoiceEmailOptIn: true,
      hasReadAccess: true,
      systemId: seed.profile.id,
      status: "Active",
    };
  }

  function assertProfile(actual) {
    const expected = expectedProfile();
    for (const [key, value] of Object.entries(expected)) {
      if (key === "billTo") assert.deepEqual(carried(actual.billTo), value, "billTo");
      else assert.deepEqual(actual[key], value, key);
    }
    assert.ok(actual.poNumber === undefined || actual.poNumber === null || actual.poNumber === "", `poNumber ${actual.poNumber}`);
  }

  test("billingAccounts.list({expand: 'billingProfiles'}) gives the account with its profile", async () => {
    const accounts = await all(billing.billingAccounts.list({ expand: "billingProfiles" }));
    assert.equal(accounts.length, 1, "an account reader sees exactly its own account");
    const [account] = accounts;
    assert.equal(account.id, accountId);
    assert.equal(account.name, accountName);
    assert.equal(account.type, "Microsoft.Billing/billingAccounts");
    assert.equal(account.displayName, "Contoso");
    assert.equal(account.agreementType, "MicrosoftCustomerAgreement");
    assert.equal(account.accountType, "Enterprise");
    assert.equal(account.accountStatus, "Active");
    assert.equal(account.hasReadAccess, true);
    assert.deepEqual(carried(account.soldTo), soldTo);
    assert.equal(account.billingProfiles.hasMoreResults, false);
    assert.equal(account.billingProfiles.value.length, 1);
    assertProfile(account.billingProfiles.value[0]);
  });

  test("billingProfiles.get(account, profile)", async () => {
    assertProfile(await billing.billingProfiles.get(accountName, profileName));
  });

  test("invoices.listByBillingProfile(account, profile, 2019-09-01, 2019-10-31) gives September's invoice", async () => {
    const invoices = await all(billing.invoices.listByBillingProfile(accountName, profileName, "2019-09-01", "2019-10-31"));
    assert.equal(invoices.length, 1);
    const [invoice] = invoices;
    assert.equal(invoice.id, `${profileId}/invoices/${invoiceNumber}`);
    assert.equal(invoice.name, invoiceNumber);
    assert.equal(invoice.type, "Microsoft.Billing/billingAccounts/billingProfiles/invoices");
    assert.deepEqual(invoice.invoicePeriodStartDate, day(period.start));
    assert.deepEqual(invoice.invoicePeriodEndDate, day(period.end));
    assert.deepEqual(invoice.invoiceDate, day("2019-10-05"), "invoiced the day after the period ends");
    assert.deepEqual(invoice.dueDate, day("2019-11-04"), "due 30 days after the invoice date");
    assert.equal(invoice.status, "Paid", "credit covered everything, nothing is due");
    assert.deepEqual(invoice.subTotal, usd(2.13));
    assert.deepEqual(invoice.taxAmount, usd(0));
    assert.deepEqual(invoice.totalAmount, usd(2.13));
    assert.deepEqual(invoice.billedAmount, usd(2.13));
    assert.deepEqual(invoice.freeAzureCreditApplied, usd(2.13), "promotional credit applied");
    assert.deepEqual(invoice.azurePrepaymentApplied, usd(0));
    assert.deepEqual(invoice.creditAmount, usd(0));
    assert.deepEqual(invoice.amountDue, usd(0));
    assert.equal(invoice.invoiceType, "AzureService");
    assert.equal(invoice.billingProfileId, profileId);
    assert.equal(invoice.billingProfileDisplayName, "Development");
    assert.deepEqual(invoice.documents.map((d) => [d.kind, d.source]), [["Invoice", "DRS"]]);
    assert.equal(invoice.documents[0].url,
      `${purser.url}${accountId}/invoices/${invoiceNumber}/documents/${invoiceNumber}.pdf?api-version=2020-05-01`, "the invoice's PDF");
    assert.deepEqual(invoice.payments, []);
  });

  test("invoices outside the period range are not listed", async () => {
    const invoices = await all(billing.invoices.listByBillingProfile(accountName, profileName, "2019-11-01", "2019-12-31"));
    assert.deepEqual(invoices, []);
  });
});

describe("@azure/arm-consumption 9.2.0", () => {
  test("credits.get(account, profile) gives the balance summary: current 997.87, pending -1.74, estimated 996.13", async () => {
    const summary = await consumption.credits.get(accountName, profileName);
    assert.equal(summary.id, `${profileId}/providers/Microsoft.Consumption/credits/balanceSummary`);
    assert.equal(summary.type, "Microsoft.Consumption/credits/balanceSummary");
    assert.deepEqual(summary.balanceSummary.currentBalance, usd(997.87));
    assert.deepEqual(summary.balanceSummary.estimatedBalance, usd(996.13));
    assert.deepEqual(summary.balanceSummary.estimatedBalanceInBillingCurrency, usdAt1(996.13));
    assert.deepEqual(summary.pendingEligibleCharges, usd(-1.74));
    assert.deepEqual(summary.pendingCreditAdjustments, usd(0));
    assert.deepEqual(summary.expiredCredit, usd(0));
    assert.equal(summary.creditCurrency, "USD");
    assert.equal(summary.billingCurrency, "USD");
    // R-BAL: estimated = current + pending charges + pending adjustments - expired since the last invoice
    assert.equal(Math.round((997.87 - 1.74 + 0 - 0) * 100) / 100, summary.balanceSummary.estimatedBalance.value);
  });

  test("lotsOperations.listByBillingProfile gives the two 500.00 lots, the first drawn to 497.87", async () => {
    const lots = await all(consumption.lotsOperations.listByBillingProfile(accountName, profileName));
    assert.equal(lots.length, 2);
    // R-DRAW: same expiry and start, so the lot granted first is drawn first and listed first.
    assert.deepEqual(lots.map((l) => l.name), seed.lots.map((l) => l.id));
    assert.deepEqual(lots.map((l) => l.closedBalance), [usd(497.87), usd(500)]);
    assert.deepEqual(lots.map((l) => l.closedBalanceInBillingCurrency), [usdAt1(497.87), usdAt1(500)]);
    // Unexpired lots with credit left are Active, as the seed lists them.
    const status = "Active";
    for (const lot of lots) {
      assert.equal(lot.id, `${profileId}/providers/Microsoft.Consumption/lots/${lot.name}`);
      assert.equal(lot.type, "Microsoft.Consumption/lots");
      assert.deepEqual(lot.originalAmount, usd(500));
      assert.deepEqual(lot.originalAmountInBillingCurrency, usdAt1(500));
      assert.equal(lot.source, "PromotionalCredit");
      assert.deepEqual(lot.startDate, new Date(granted));
      assert.deepEqual(lot.purchasedDate, new Date(granted));
      assert.deepEqual(lot.expirationDate, new Date(expires));
      assert.equal(lot.poNumber, "");
      assert.equal(lot.status, status);
      assert.equal(lot.creditCurrency, "USD");
      assert.equal(lot.billingCurrency, "USD");
    }
  });

  test("eventsOperations.listByBillingProfile(2019-09-01, 2019-10-11) gives four transactions, newest first", async () => {
    const events = await all(consumption.eventsOperations.listByBillingProfile(accountName, profileName, "2019-09-01", "2019-10-11"));
    const [first, second] = seed.lots.map((l) => l.id);
    const expected = [
      { eventType: "PendingCharges", transactionDate: new Date(pendingCharge.chargedAt), description: pendingCharge.description,
        charges: -1.74, newCredit: 0, closedBalance: 996.13, invoiceNumber: "", lotId: first },
      { eventType: "SettledCharges", transactionDate: new Date(settledCharge.chargedAt), description: settledCharge.description,
        charges: -2.13, newCredit: 0, closedBalance: 997.87, invoiceNumber, lotId: first },
      { eventType: "NewCredit", transactionDate: new Date(granted), charges: 0, newCredit: 500, closedBalance: 1000, invoiceNumber: "", lotId: second },
      { eventType: "NewCredit", transactionDate: new Date(granted), charges: 0, newCredit: 500, closedBalance: 500, invoiceNumber: "", lotId: first },
    ];
    assert.deepEqual(events.map((e) => e.eventType), expected.map((e) => e.eventType));
    assert.equal(new Set(events.map((e) => e.name)).size, 4, "every event has its own name");
    events.forEach((e, i) => {
      const x = expected[i];
      const at = `event ${i} (${x.eventType})`;
      assert.equal(e.id, `${profileId}/providers/Microsoft.Consumption/events/${e.name}`, at);
      assert.equal(e.type, "Microsoft.Consumption/events", at);
      assert.deepEqual(e.transactionDate, x.transactionDate, `${at} transactionDate`);
      // Charge descriptions are the operator's; a grant's names its day (the seed writes 09/18/2019, Purser ISO 8601).
      if (x.description !== undefined) assert.equal(e.description, x.description, `${at} description`);
      else assert.match(e.description, /^New credit added on (2019-09-18|09\/18\/2019)$/, `${at} description`);
      assert.deepEqual(e.charges, usd(x.charges), `${at} charges`);
      assert.deepEqual(e.newCredit, usd(x.newCredit), `${at} newCredit`);
      assert.deepEqual(e.adjustments, usd(0), `${at} adjustments`);
      assert.deepEqual(e.creditExpired, usd(0), `${at} creditExpired`);
      assert.deepEqual(e.canceledCredit, usd(0), `${at} canceledCredit`);
      assert.deepEqual(e.closedBalance, usd(x.closedBalance), `${at} closedBalance`);
      assert.deepEqual(e.chargesInBillingCurrency, usdAt1(x.charges), `${at} chargesInBillingCurrency`);
      assert.deepEqual(e.newCreditInBillingCurrency, usdAt1(x.newCredit), `${at} newCreditInBillingCurrency`);
      assert.deepEqual(e.closedBalanceInBillingCurrency, usdAt1(x.closedBalance), `${at} closedBalanceInBillingCurrency`);
      assert.equal(e.invoiceNumber, x.invoiceNumber, `${at} invoiceNumber`);
      assert.equal(e.billingProfileId, profileId, `${at} billingProfileId`);
      assert.equal(e.billingProfileDisplayName, "Development", `${at} billingProfileDisplayName`);
      assert.equal(e.lotId, x.lotId, `${at} lotId`);
      assert.equal(e.lotSource, "PromotionalCredit", `${at} lotSource`);
      assert.equal(e.creditCurrency, "USD", `${at} creditCurrency`);
      assert.equal(e.billingCurrency, "USD", `${at} billingCurrency`);
    });
  });

  test("eventsOperations.listByBillingProfile keeps to the date range", async () => {
    const events = await all(consumption.eventsOperations.listByBillingProfile(accountName, profileName, "2019-10-01", "2019-10-10"));
    assert.deepEqual(events, []);
    const october = await all(consumption.eventsOperations.listByBillingProfile(accountName, profileName, "2019-10-11", "2019-10-11"));
    assert.deepEqual(october.map((e) => [e.eventType, e.charges.value]), [["PendingCharges", -1.74]]);
  });
});
