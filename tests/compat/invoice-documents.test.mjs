// R-ARM + R-INVNUM acceptance for one invoice's detail: the official, unmodified
// @azure/arm-billing@4.1.0 client lists the invoice's transactions (transactions.listByInvoice,
// GET …/billingAccounts/{a}/invoices/{n}/transactions, following nextLink past the first page of
// 100), gets the invoice with its documents, and the PDF its documents[0].url names downloads with
// the caller's token. Payments recorded through the operator API show on the invoice.
//
// A scenario of its own: one CNY profile in Asia/Shanghai with 50.00 of promotional credit and 103
// one-off charges in March 2024, some for a subscription and some not credit-eligible, closed into
// one invoice. The server runs on the real clock, so the period is long over and the invoice long
// past its due date (2024-05-01).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { all, billingClient, opsPost, startPurser } from "./lib/purser.mjs";

const count = 103;
const cny = (cents) => ({ currency: "CNY", value: cents / 100 });
const day = (iso) => new Date(`${iso}T00:00:00Z`);

let purser;
let billing;
let readerToken;
let accountName;
let profileId;
let invoice;
/** What each charge recorded: its description, amount and the credit drawn for it, in cents; and its subscription's name, if any. */
const charges = [];

before(async () => {
  purser = await startPurser();
  const account = await opsPost(purser, "/ops/billingAccounts", {
    displayName: "上海云启科技", agreementType: "MicrosoftCustomerAgreement", accountType: "Enterprise",
    soldTo: { addressLine1: "世纪大道 100 号", city: "上海", country: "CN", companyName: "上海云启科技有限公司" },
  });
  accountName = account.name;
  const profile = await opsPost(purser, "/ops/billingProfiles", {
    billingAccountId: account.id, displayName: "云启生产", currency: "CNY", invoiceDay: 1, timeZone: "Asia/Shanghai",
  });
  profileId = `/providers/Microsoft.Billing/billingAccounts/${accountName}/billingProfiles/${profile.name}`;
  await opsPost(purser, "/ops/credits", {
    billingProfileId: profile.id, amount: 50.00, source: "Azure Promotional Credit",
    startDate: "2024-03-01T00:00:00+08:00", expirationDate: "2099-03-01T00:00:00+08:00",
  });
  const subscription = await opsPost(purser, "/ops/subscriptions", { billingProfileId: profile.id, displayName: "生产环境", offerType: "PayAsYouGo" });
  for (let i = 0; i < count; i++) {
    const cents = 100 + 37 * i;
    const onSubscription = i % 2 === 0;
    const description = `服务费 ${i + 1}`;
    const charged = await opsPost(purser, "/ops/charges", {
      billingProfileId: profile.id, subscriptionId: onSubscription ? subscription.id : undefined, amount: cents / 100, description,
      creditEligible: i % 10 !== 9, chargedAt: `2024-03-${String(1 + (i % 28)).padStart(2, "0")}T04:00:00Z`,
    });
    charges.push({ description, cents, creditCents: Math.round(charged.coveredByCredit * 100), day: charged.date, subscription: onSubscription ? "生产环境" : undefined });
  }
  invoice = await opsPost(purser, "/ops/billingRuns", { billingProfileId: profile.id, periodStart: "2024-03-01", periodEnd: "2024-03-31" });

  const reader = await opsPost(purser, "/ops/users", { billingAccountId: account.id, email: `invoices-${process.pid}@yunqi.test` });
  await opsPost(purser, "/ops/roleAssignments", { userId: reader.id, role: "BillingProfileReader", scopeId: profile.id });
  ({ token: readerToken } = await opsPost(purser, "/ops/tokens", { userId: reader.id, name: "compat" }));
  billing = billingClient(purser, readerToken);
});

after(async () => {
  await purser?.stop();
});

const sum = (values) => values.reduce((a, b) => a + b, 0);

test("the close billed every charge and the credit paid the first of them", () => {
  assert.equal(invoice.lineCount, count);
  assert.equal(Math.round(invoice.creditApplied * 100), 5000);
  assert.equal(sum(charges.map((c) => c.creditCents)), 5000);
});

test("transactions.listByInvoice gives one transaction per line item, to the cent, across two pages", async () => {
  const pages = [];
  for await (const page of billing.transactions.listByInvoice(accountName, invoice.invoiceNumber).byPage()) pages.push(page);
  assert.deepEqual(pages.map((p) => p.length), [100, count - 100]);

  const transactions = await all(billing.transactions.listByInvoice(accountName, invoice.invoiceNumber));
  assert.equal(transactions.length, count);
  assert.equal(new Set(transactions.map((t) => t.name)).size, count, "every transaction has its own name");
  const byDescription = new Map(transactions.map((t) => [t.productDescription, t]));
  for (const charge of charges) {
    const t = byDescription.get(charge.description);
    const at = charge.description;
    assert.ok(t, `${at} is listed`);
    assert.equal(t.id, `/providers/Microsoft.Billing/billingAccounts/${accountName}/transactions/${t.name}`, at);
    assert.equal(t.type, "Microsoft.Billing/billingAccounts/transactions", at);
    assert.equal(t.kind, "all", at);
    assert.equal(t.invoice, invoice.invoiceNumber, at);
    assert.equal(t.invoiceId, `${profileId}/invoices/${invoice.invoiceNumber}`, at);
    assert.equal(t.transactionType, "Purchase", at);
    assert.deepEqual(t.transactionAmount, cny(charge.cents), `${at} transactionAmount`);
    assert.deepEqual(t.subTotal, cny(charge.cents), `${at} subTotal`);
    assert.deepEqual(t.tax, cny(0), `${at} tax`);
    assert.deepEqual(t.azureCreditApplied, cny(charge.creditCents), `${at} azureCreditApplied`);
    assert.deepEqual(t.effectivePrice, cny(charge.cents), `${at} effectivePrice`);
    assert.equal(t.quantity, 1, at);
    assert.equal(t.billingCurrency, "CNY", at);
    assert.equal(t.billingProfileId, profileId, at);
    assert.equal(t.billingProfileDisplayName, "云启生产", at);
    assert.equal(t.subscriptionName ?? undefined, charge.subscription, `${at} subscriptionName`);
    assert.deepEqual(t.date, day(charge.day), `${at} date`);
    assert.deepEqual(t.servicePeriodStartDate, day(charge.day), `${at} servicePeriodStartDate`);
    assert.deepEqual(t.servicePeriodEndDate, day(charge.day), `${at} servicePeriodEndDate`);
  }

  const shown = await billing.invoices.get(accountName, invoice.invoiceNumber);
  const billedCents = sum(transactions.map((t) => Math.round(t.transactionAmount.value * 100)));
  const creditCents = sum(transactions.map((t) => Math.round(t.azureCreditApplied.value * 100)));
  assert.deepEqual(shown.subTotal, cny(billedCents));
  assert.deepEqual(shown.freeAzureCreditApplied, cny(creditCents));
  assert.deepEqual(shown.amountDue, cny(billedCents - creditCents));
});

test("invoices.get lists the invoice's PDF, and its URL downloads it with the caller's token", async () => {
  const shown = await billing.invoices.get(accountName, invoice.invoiceNumber);
  assert.equal(shown.documents.length, 1);
  const [document] = shown.documents;
  assert.equal(document.kind, "Invoice");
  assert.equal(document.source, "DRS");
  const url = new URL(document.url);
  assert.equal(url.origin, purser.url, "the URL points at the server that was asked");
  assert.equal(decodeURIComponent(url.pathname),
    `/providers/Microsoft.Billing/billingAccounts/${accountName}/invoices/${invoice.invoiceNumber}/documents/${invoice.invoiceNumber}.pdf`);
  assert.equal(url.searchParams.get("api-version"), "2020-05-01");

  const response = await fetch(url, { headers: { Authorization: `Bearer ${readerToken}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  assert.equal(response.status, 200, bytes.toString("utf8", 0, 300));
  assert.equal(response.headers.get("content-type"), "application/pdf");
  assert.equal(bytes.toString("latin1", 0, 4), "%PDF");

  const anonymous = await fetch(url);
  assert.equal(anonymous.status, 401);
});

test("payments recorded through the operator API lower amountDue until the invoice is Paid", async () => {
  const before = await billing.invoices.get(accountName, invoice.invoiceNumber);
  const dueCents = Math.round(before.amountDue.value * 100);
  assert.equal(before.status, "OverDue", "due 2024-05-01, long past");

  await opsPost(purser, `/ops/invoices/${invoice.id}/payments`, { amount: 10.00, method: "CreditCard" });
  const partly = await billing.invoices.get(accountName, invoice.invoiceNumber);
  assert.deepEqual(partly.amountDue, cny(dueCents - 1000));
  assert.equal(partly.status, "OverDue", "past its due date an invoice is overdue however much of it was paid");
  assert.deepEqual(partly.payments.map((p) => [p.amount, p.paymentMethodFamily]), [[cny(1000), "CreditCard"]]);

  await opsPost(purser, `/ops/invoices/${invoice.id}/payments`, { amount: (dueCents - 1000) / 100, method: "WireTransfer" });
  const paid = await billing.invoices.get(accountName, invoice.invoiceNumber);
  assert.deepEqual(paid.amountDue, cny(0));
  assert.equal(paid.status, "Paid");
  assert.deepEqual(paid.subTotal, before.subTotal, "the invoice as issued does not change");
});
