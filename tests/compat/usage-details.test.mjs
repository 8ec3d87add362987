// PENDING: Microsoft.Consumption usageDetails is not served yet, so test.sh does not run this file
// (node --test only discovers *.test.mjs). When the endpoint lands, run it by hand
//   cd tests/compat && node --test pending/usage-details.mjs
// and once it passes, move it to ../usage-details.test.mjs (fixing the imports) so test.sh runs it.
//
// Contract asserted (AZURE-WIRE.md "UsageDetail", Azure's modern usage detail at billing profile
// scope of a Microsoft Customer Agreement): usageDetails.list(scope) for
// "/providers/Microsoft.Billing/billingAccounts/{a}/billingProfiles/{p}" with a usage date filter
// gives seed 004's two charges, 2.13 (invoiced) and 1.74 (pending), as kind "modern" rows.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { all, consumptionClient, startPurser } from "../lib/purser.mjs";
import { loadSeed004, pendingCharge, period, settledCharge } from "../lib/seed004.mjs";

const day = (iso) => new Date(`${iso}T00:00:00Z`);

let purser;
let seed;

before(async () => {
  purser = await startPurser();
  seed = await loadSeed004(purser);
});

after(async () => {
  await purser?.stop();
});

test("usageDetails.list(billing profile scope) gives the two charges as modern usage details", async () => {
  const consumption = consumptionClient(purser, seed.readerToken);
  const accountName = seed.account.name;
  const profileName = seed.profile.name;
  const scope = `/providers/Microsoft.Billing/billingAccounts/${accountName}/billingProfiles/${profileName}`;
  // Without a filter Azure lists the current billing period only; the scenario is in 2019.
  const rows = await all(consumption.usageDetails.list(scope, {
    filter: "properties/usageStart ge '2019-09-01' and properties/usageEnd le '2019-10-31'",
  }));
  rows.sort((a, b) => a.date - b.date);
  assert.equal(rows.length, 2);
  const expected = [
    { charge: settledCharge, cost: 2.13, date: "2019-09-30", periodStart: period.start, periodEnd: period.end, invoiceId: seed.invoice.invoiceNumber },
    { charge: pendingCharge, cost: 1.74, date: "2019-10-11", periodStart: "2019-10-05", periodEnd: "2019-11-04", invoiceId: undefined },
  ];
  rows.forEach((row, i) => {
    const x = expected[i];
    const at = `row ${i} (${x.cost})`;
    assert.equal(row.kind, "modern", `${at} kind`);
    assert.equal(row.id, `${scope}/providers/Microsoft.Consumption/usageDetails/${row.name}`, `${at} id`);
    assert.equal(row.type, "Microsoft.Consumption/usageDetails", `${at} type`);
    assert.deepEqual(row.date, day(x.date), `${at} date`);
    assert.equal(row.costInBillingCurrency, x.cost, `${at} costInBillingCurrency`);
    assert.equal(row.billingCurrencyCode, "USD", `${at} billingCurrencyCode`);
    assert.equal(row.billingAccountId, accountName, `${at} billingAccountId`);
    assert.equal(row.billingAccountName, "Contoso", `${at} billingAccountName`);
    assert.equal(row.billingProfileId, profileName, `${at} billingProfileId`);
    assert.equal(row.billingProfileName, "Development", `${at} billingProfileName`);
    assert.deepEqual(row.billingPeriodStartDate, day(x.periodStart), `${at} billingPeriodStartDate`);
    assert.deepEqual(row.billingPeriodEndDate, day(x.periodEnd), `${at} billingPeriodEndDate`);
    assert.equal(row.isAzureCreditEligible, true, `${at} isAzureCreditEligible`);
    assert.equal(row.chargeType, "Purchase", `${at} chargeType (a one-off charge)`);
    assert.ok(row.invoiceId === x.invoiceId || (x.invoiceId === undefined && (row.invoiceId === null || row.invoiceId === "")), `${at} invoiceId ${row.invoiceId}`);
    assert.equal(row.product, x.charge.description, `${at} product`);
  });
});
