// R-CALENDAR + R-INVOICE + R-RECON acceptance, end to end on a far zone's calendar: usage ingested
// through the operator API and rated by the server's own worker, one-off charges, the month close,
// the partner's reconciliation file, and the invoice and its transactions as the official,
// unmodified @azure/arm-billing@4.1.0 client reads them (invoices.get, invoices.listByBillingProfile,
// transactions.listByInvoice, the PDF behind documents[0].url).
//
// Two cases, one billing profile each: Asia/Shanghai (UTC+8: 00:10 local is still the previous UTC
// day) and America/Los_Angeles (UTC-8/-7 with daylight saving: 23:50 local is already the next UTC
// day). Usage and charges sit minutes either side of local midnight on both edges of a period P, so
// any date taken from UTC instead of the profile's zone moves a line across the edge.
//
// The server runs on the real clock and refuses usage older than 62 days, so P is chosen from today
// (see `calendarFor`): the latest period that is over, which ended one to five local days ago.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { all, billingClient, consumptionClient, eventually, opsGet, opsIngest, opsPost, startPurser } from "./lib/purser.mjs";
import { addDays, atLocal, localDay, offsetMinutes, periodContaining } from "./lib/zoned.mjs";

const day = (iso) => new Date(`${iso}T00:00:00Z`);
const money = (currency, cents) => ({ currency, value: cents / 100 });
const sum = (values) => values.reduce((a, b) => a + b, 0);
const cents = (value) => Math.round(value * 100);

// Prices and quantities are kept as integers (ten-thousandths and hundredths) so the expected amount
// of a day line is exact: a charge rounds half away from zero to the cent (R-ROUND), once per day line.
const PRICE_E4 = 12345; // 1.2345 a unit: every day line below needs rounding
const dayLineCents = (quantityE2) => Math.floor((PRICE_E4 * quantityE2 + 5000) / 10000);

/**
 * The profile's calendar for a run today in `zone`. Its invoice day is the local day of the month of
 * yesterday, so the open period began yesterday and P, the latest period that is over, ended the day
 * before: every time used below is in the past (usage may be at most 15 minutes ahead), even at
 * 00:05 local, and P's first day is at most ~36 days back (usage may be at most 62 days old).
 * Days 29–31 are not in every month; the 28th stands in for them, so P then ended two to five days
 * ago (five when today is the 1st after a 31st).
 * A local midnight passing while the test runs leaves the open period the same: its next billing date
 * is a month away.
 */
function calendarFor(zone, now) {
  const today = localDay(zone, now);
  const invoiceDay = Math.min(Number(addDays(today, -1).slice(8)), 28);
  const open = periodContaining(today, invoiceDay);
  const period = periodContaining(addDays(open.start, -1), invoiceDay);
  const earlier = periodContaining(addDays(period.start, -1), invoiceDay);
  return { today, invoiceDay, open, period, earlier };
}

/**
 * The instants the scenario records usage and charges at: minutes either side of local midnight at
 * P's start and P's end, plus local noon on P's first and last days (so that each of those day lines
 * sums usage from two different UTC dates in one zone or the other).
 */
function edgesOf(zone, period) {
  return {
    beforeStart: atLocal(zone, addDays(period.start, -1), 23, 50),
    start: atLocal(zone, period.start, 0, 10),
    startNoon: atLocal(zone, period.start, 12, 0),
    endNoon: atLocal(zone, period.end, 12, 0),
    end: atLocal(zone, period.end, 23, 50),
    nextStart: atLocal(zone, period.nextStart, 0, 10),
  };
}

test("local wall-clock times convert to the right instants, across daylight saving", () => {
  // Known answers, so the conversion the cases rely on is not checked only against itself.
  assert.equal(atLocal("Asia/Shanghai", "2024-03-01", 0, 10).toISOString(), "2024-02-29T16:10:00.000Z");
  assert.equal(atLocal("Asia/Shanghai", "2024-02-29", 23, 50).toISOString(), "2024-02-29T15:50:00.000Z");
  // 2024-03-10: Los Angeles springs forward at 02:00, from -08:00 to -07:00.
  assert.equal(atLocal("America/Los_Angeles", "2024-03-10", 0, 10).toISOString(), "2024-03-10T08:10:00.000Z");
  assert.equal(atLocal("America/Los_Angeles", "2024-03-10", 23, 50).toISOString(), "2024-03-11T06:50:00.000Z");
  // 2024-11-03: it falls back at 02:00, from -07:00 to -08:00.
  assert.equal(atLocal("America/Los_Angeles", "2024-11-03", 0, 10).toISOString(), "2024-11-03T07:10:00.000Z");
  assert.equal(atLocal("America/Los_Angeles", "2024-11-03", 23, 50).toISOString(), "2024-11-04T07:50:00.000Z");
  assert.throws(() => atLocal("America/Los_Angeles", "2024-03-10", 2, 30), /does not exist/);
  assert.throws(() => atLocal("America/Los_Angeles", "2024-11-03", 1, 30), /happens twice/);
  assert.equal(offsetMinutes("America/Los_Angeles", Date.parse("2024-07-01T00:00:00Z")), -420);
  assert.equal(localDay("America/Los_Angeles", Date.parse("2024-03-11T06:50:00Z")), "2024-03-10");
  assert.equal(localDay("Asia/Shanghai", Date.parse("2024-02-29T16:10:00Z")), "2024-03-01");
  // Periods clamp a billing day past a month's end to its last day (R-CALENDAR).
  assert.deepEqual(periodContaining("2024-02-29", 31), { month: "2024-02", start: "2024-02-29", end: "2024-03-30", nextStart: "2024-03-31" });
  assert.deepEqual(periodContaining("2024-03-14", 15), { month: "2024-02", start: "2024-02-15", end: "2024-03-14", nextStart: "2024-03-15" });
});

test("the invoice day chosen from today makes P the latest period over, ended one to five days ago", () => {
  // Every day of one leap year and its neighbours, at 00:05 and 23:55 in both zones.
  for (const zone of ["Asia/Shanghai", "America/Los_Angeles"]) {
    for (let d = 0; d < 400; d++) {
      const localDate = addDays("2023-12-15", d);
      for (const [hh, mm] of [[0, 5], [23, 55]]) {
        const now = atLocal(zone, localDate, hh, mm);
        const c = calendarFor(zone, now);
        const at = `${zone} ${localDate} ${hh}:${mm}`;
        assert.equal(c.today, localDate, at);
        assert.ok(c.open.start <= c.today && c.today <= c.open.end, `${at}: the open period holds today`);
        assert.equal(c.period.nextStart, c.open.start, `${at}: P is the period just before the open one`);
        const ago = (Date.parse(c.today) - Date.parse(c.period.end)) / 86_400_000;
        assert.ok(ago >= 1 && ago <= 5, `${at}: P ended ${ago} days ago`);
        // Every time the scenario uses exists once on that run date, is not ahead of now, and is well within 62 days.
        const edges = edgesOf(zone, c.period);
        assert.ok(Object.values(edges).every((t) => t <= now), `${at}: nothing is ahead of now`);
        assert.ok(now - edges.beforeStart < 40 * 86_400_000, `${at}: the oldest usage is well within 62 days`);
      }
    }
  }
});

let purser;

before(async () => {
  purser = await startPurser();
});

after(async () => {
  await purser?.stop();
});

const cases = [
  { zone: "Asia/Shanghai", currency: "CNY", partnerId: "CSP-SHA", customer: "上海云启科技", profileName: "云启生产" },
  { zone: "America/Los_Angeles", currency: "USD", partnerId: "CSP-LAX", customer: "Fabrikam West", profileName: "Fabrikam Production" },
];

for (const c of cases) {
  describe(`month close in ${c.zone}`, () => {
    let cal;
    let world;
    let billing;
    let readerToken;
    /** The close's answers: the invoice of P and of the period before it. */
    let invoice;
    let earlierInvoice;

    /** What each period should bill: usage day lines and one-off charges, by local day. */
    let expected;

    before(async () => {
      cal = calendarFor(c.zone, new Date());
      const P = cal.period;
      const at = edgesOf(c.zone, P);

      const account = await opsPost(purser, "/ops/billingAccounts", {
        displayName: c.customer, agreementType: "MicrosoftCustomerAgreement", accountType: "Enterprise",
        soldTo: { addressLine1: "1 Harbour Road", country: c.currency === "CNY" ? "CN" : "US", companyName: c.customer },
      });
      // The profile exists before any of its usage is recorded and is created today, in the open
      // period, so the server's own scheduler never closes P or the period before it on its own:
      // this test closes both, in order.
      const profile = await opsPost(purser, "/ops/billingProfiles", {
        billingAccountId: account.id, displayName: c.profileName, currency: c.currency, invoiceDay: cal.invoiceDay, timeZone: c.zone,
      });
      await opsPost(purser, "/ops/partners", { id: c.partnerId, companyName: `${c.partnerId} Reseller`, billingDay: cal.invoiceDay });
      const meter = await opsPost(purser, "/ops/meters", { name: `Compute ${c.partnerId}`, category: "Virtual Machines", unit: "1 Hour", creditEligible: true });
      // Prices are announced from now on. Usage dated before its subscription existed is priced at the
      // subscription's creation (DayRate), so announcing the price first prices every day below.
      await opsPost(purser, `/ops/meters/${meter.id}/prices`, { currency: c.currency, unitPrice: PRICE_E4 / 10000 });
      const subscription = await opsPost(purser, "/ops/subscriptions", {
        billingProfileId: profile.id, displayName: "Usage workloads", offerType: "UsageBased", partnerId: c.partnerId,
      });
      // Promotional credit from the first local day of the period before P, more than all the usage:
      // every usage line is paid by credit whatever order rating and the charges below run in, and the
      // one-off charges (a support plan, credit-ineligible: R-CE) are due in full. So the invoice's
      // credit and amount due each follow from the lines alone.
      await opsPost(purser, "/ops/credits", {
        billingProfileId: profile.id, amount: 100.00, source: "Azure Promotional Credit",
        startDate: atLocal(c.zone, cal.earlier.start, 0, 0).toISOString(), expirationDate: "2099-01-01T00:00:00Z",
      });

      const usage = [
        { key: "beforeStart", quantityE2: 125 },
        { key: "start", quantityE2: 250 },
        { key: "startNoon", quantityE2: 75 },
        { key: "endNoon", quantityE2: 400 },
        { key: "end", quantityE2: 325 },
        { key: "nextStart", quantityE2: 550 },
      ];
      await opsIngest(purser, `compat.${c.partnerId}`, usage.map((u) => ({
        eventId: `${c.partnerId}-${u.key}`, subscriptionId: subscription.id, meterId: meter.id, quantity: u.quantityE2 / 100,
        timestamp: at[u.key].toISOString(), resourceId: `/subscriptions/${subscription.id}/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm-${u.key}`,
      })));
      const oneOff = [
        { key: "beforeStart", amountCents: 1111 },
        { key: "start", amountCents: 2222 },
        { key: "end", amountCents: 3333 },
        { key: "nextStart", amountCents: 4444 },
      ];
      const charged = [];
      for (const o of oneOff)
        charged.push(await opsPost(purser, "/ops/charges", {
          billingProfileId: profile.id, subscriptionId: subscription.id, amount: o.amountCents / 100,
          description: `Support ${o.key}`, creditEligible: false, chargedAt: at[o.key].toISOString(),
        }));

      // What the rules give, from this test's own conversion of instants to local days.
      const lines = [];
      const usageDays = new Map();
      for (const u of usage) {
        const d = localDay(c.zone, at[u.key]);
        usageDays.set(d, (usageDays.get(d) ?? 0) + u.quantityE2);
      }
      for (const [d, quantityE2] of usageDays)
        lines.push({ chargeType: "Usage", start: d, end: d, quantity: quantityE2 / 100, cents: dayLineCents(quantityE2), unitPrice: PRICE_E4 / 10000, creditCents: dayLineCents(quantityE2) });
      for (const o of oneOff) {
        const d = localDay(c.zone, at[o.key]);
        lines.push({ chargeType: "OneTime", start: d, end: d, quantity: 1, cents: o.amountCents, unitPrice: o.amountCents / 100, creditCents: 0 });
      }
      const inside = (p) => (l) => l.start >= p.start && l.end <= p.end;
      expected = {
        period: lines.filter(inside(P)),
        earlier: lines.filter(inside(cal.earlier)),
        pending: lines.filter((l) => l.start >= P.nextStart),
      };
      // The scenario puts two lines of each kind in P, one in the period before and one after it.
      assert.deepEqual([expected.period.length, expected.earlier.length, expected.pending.length], [4, 2, 2]);

      // The rating worker runs on its own (woken by the batch, else every 5 s); the close only bills
      // what it has rated, so wait until all the usage is pending charges, as the preview shows them.
      // Counted in quantity, not in day lines, so that usage put on the wrong days is still waited for
      // and then fails the tests below rather than this wait.
      const ingested = sum(usage.map((u) => u.quantityE2));
      await eventually("rating all the usage", async () => {
        const preview = await (await opsGet(purser, `/ops/billingProfiles/${profile.id}/invoicePreview`)).json();
        const rated = sum(preview.lines.filter((l) => l.chargeType === "Usage").map((l) => Math.round(l.quantity * 100)));
        return rated === ingested ? preview : undefined;
      }, { tries: 120, everyMs: 500 });

      // The close of P bills every pending charge dated up to P's end, so the period before P is closed
      // first: its 23:50 usage and charge go on that invoice, not P's.
      earlierInvoice = await opsPost(purser, "/ops/billingRuns", { billingProfileId: profile.id, period: cal.earlier.month });
      invoice = await opsPost(purser, "/ops/billingRuns", { billingProfileId: profile.id, period: P.month });

      const reader = await opsPost(purser, "/ops/users", { billingAccountId: account.id, email: `far-zone-${c.partnerId.toLowerCase()}-${process.pid}@example.test` });
      await opsPost(purser, "/ops/roleAssignments", { userId: reader.id, role: "BillingProfileReader", scopeId: profile.id });
      ({ token: readerToken } = await opsPost(purser, "/ops/tokens", { userId: reader.id, name: "compat-far-zone" }));
      billing = billingClient(purser, readerToken);
      world = { account, profile, meter, subscription, at, oneOff, charged };
    });

    const key = (l) => `${l.chargeType} ${l.start}..${l.end} ${l.quantity} ${l.cents}`;
    const sortedKeys = (lines) => lines.map(key).sort();
    const fromTransaction = (t) => ({
      chargeType: t.transactionType === "Usage Charge" ? "Usage" : "OneTime",
      start: t.servicePeriodStartDate.toISOString().slice(0, 10), end: t.servicePeriodEndDate.toISOString().slice(0, 10),
      quantity: t.quantity, cents: cents(t.transactionAmount.value),
    });

    test("each one-off charge is dated on the local day of its chargedAt", () => {
      world.oneOff.forEach((o, i) =>
        assert.equal(world.charged[i].date, localDay(c.zone, world.at[o.key]), `the charge at ${world.at[o.key].toISOString()} (${o.key})`));
    });

    test("the close of P bills exactly the usage and charges of P's local days", async () => {
      const P = cal.period;
      assert.equal(invoice.periodStart, P.start);
      assert.equal(invoice.periodEnd, P.end);
      assert.equal(invoice.invoiceDate, P.nextStart);
      assert.equal(invoice.lineCount, expected.period.length);
      assert.equal(cents(invoice.subTotal), sum(expected.period.map((l) => l.cents)));
      assert.equal(cents(invoice.creditApplied), sum(expected.period.map((l) => l.creditCents)), "credit paid the usage");
      assert.equal(cents(invoice.amountDue), sum(expected.period.map((l) => l.cents - l.creditCents)), "the one-off charges are due");

      assert.equal(earlierInvoice.periodEnd, addDays(P.start, -1));
      assert.equal(earlierInvoice.lineCount, expected.earlier.length, "the 23:50 usage and charge before P's first day went on the earlier invoice");
      assert.equal(cents(earlierInvoice.subTotal), sum(expected.earlier.map((l) => l.cents)));

      // The 00:10 usage and charge on the next billing date wait for the next invoice.
      const preview = await (await opsGet(purser, `/ops/billingProfiles/${world.profile.id}/invoicePreview`)).json();
      assert.equal(preview.periodStart, P.nextStart);
      assert.deepEqual(sortedKeys(preview.lines.map((l) => ({ chargeType: l.chargeType, start: l.startDate, end: l.endDate, quantity: l.quantity, cents: cents(l.amount) }))),
        sortedKeys(expected.pending));
    });

    test("transactions.listByInvoice equals the invoice's lines to the cent, dated on local days", async () => {
      for (const [shown, lines] of [[invoice, expected.period], [earlierInvoice, expected.earlier]]) {
        const transactions = await all(billing.transactions.listByInvoice(world.account.name, shown.invoiceNumber));
        assert.deepEqual(sortedKeys(transactions.map(fromTransaction)), sortedKeys(lines), `lines of ${shown.invoiceNumber}`);
        for (const t of transactions) {
          const at = `${shown.invoiceNumber} ${t.productDescription}`;
          assert.equal(t.invoice, shown.invoiceNumber, at);
          assert.deepEqual(t.date, t.servicePeriodStartDate, `${at}: dated on its (local) service day`);
          assert.deepEqual(t.subTotal, t.transactionAmount, at);
          assert.equal(t.billingCurrency, c.currency, at);
          assert.equal(t.subscriptionId, world.subscription.id, at);
          const line = lines.find((l) => key(l) === key(fromTransaction(t)));
          assert.deepEqual(t.effectivePrice, { currency: c.currency, value: line.unitPrice }, `${at} effectivePrice`);
          assert.deepEqual(t.azureCreditApplied, money(c.currency, line.creditCents), `${at} azureCreditApplied`);
          if (line.chargeType === "Usage") {
            assert.equal(t.productDescription, `${world.meter.name} usage on ${line.start}`, at);
            assert.equal(t.productTypeId, world.meter.id, at);
            assert.equal(t.unitOfMeasure, "1 Hour", at);
          }
        }
      }
    });

    test("invoices.get and listByBillingProfile give P's dates and the lines' totals, and the PDF downloads", async () => {
      const P = cal.period;
      const total = sum(expected.period.map((l) => l.cents));
      const credit = sum(expected.period.map((l) => l.creditCents));
      const shown = await billing.invoices.get(world.account.name, invoice.invoiceNumber);
      assert.equal(shown.name, invoice.invoiceNumber);
      assert.deepEqual(shown.invoicePeriodStartDate, day(P.start));
      assert.deepEqual(shown.invoicePeriodEndDate, day(P.end));
      assert.deepEqual(shown.invoiceDate, day(P.nextStart));
      assert.deepEqual(shown.dueDate, day(addDays(P.nextStart, 30)));
      assert.equal(shown.status, "Due", "due 30 days after an invoice date a few days back");
      for (const amount of ["subTotal", "billedAmount", "totalAmount"])
        assert.deepEqual(shown[amount], money(c.currency, total), amount);
      assert.deepEqual(shown.freeAzureCreditApplied, money(c.currency, credit), "promotional credit paid the usage lines");
      assert.deepEqual(shown.amountDue, money(c.currency, total - credit), "what the lines leave after credit");
      for (const amount of ["taxAmount", "azurePrepaymentApplied", "creditAmount"])
        assert.deepEqual(shown[amount], money(c.currency, 0), amount);

      // Invoices are listed by invoice date: P's is the one dated on P's next start.
      const onP = await all(billing.invoices.listByBillingProfile(world.account.name, world.profile.name, P.nextStart, P.nextStart));
      assert.deepEqual(onP.map((i) => i.name), [invoice.invoiceNumber]);
      assert.deepEqual(onP[0].amountDue, money(c.currency, total - credit));
      const both = await all(billing.invoices.listByBillingProfile(world.account.name, world.profile.name, P.start, P.nextStart));
      assert.deepEqual(both.map((i) => i.name), [invoice.invoiceNumber, earlierInvoice.invoiceNumber], "newest first");
      assert.deepEqual(both[1].invoicePeriodEndDate, day(addDays(P.start, -1)));

      assert.equal(shown.documents.length, 1);
      const response = await fetch(shown.documents[0].url, { headers: { Authorization: `Bearer ${readerToken}` } });
      const bytes = Buffer.from(await response.arrayBuffer());
      assert.equal(response.status, 200, bytes.toString("utf8", 0, 300));
      assert.equal(response.headers.get("content-type"), "application/pdf");
      assert.equal(bytes.toString("latin1", 0, 5), "%PDF-");
    });

    test("charges.list sums the same local days: P's invoiced, the next billing date's pending", async () => {
      // The Consumption view of the same charges, by the same local days, through the official client.
      const consumption = consumptionClient(purser, readerToken);
      const scope = `/providers/Microsoft.Billing/billingAccounts/${world.account.name}/billingProfiles/${world.profile.name}`;
      const P = cal.period;
      for (const [from, to, lines, invoiced] of [[P.start, P.end, expected.period, true], [P.nextStart, P.nextStart, expected.pending, false],
        [cal.earlier.start, cal.earlier.end, expected.earlier, true]]) {
        const { value } = await consumption.charges.list(scope, { startDate: from, endDate: to });
        assert.equal(value.length, 1, `${from}..${to}`);
        const of = (type) => money(c.currency, sum(lines.filter((l) => l.chargeType === type).map((l) => l.cents)));
        assert.deepEqual(value[0].azureCharges, of("Usage"), `${from}..${to} azureCharges`);
        assert.deepEqual(value[0].chargesBilledSeparately, of("OneTime"), `${from}..${to} chargesBilledSeparately (credit-ineligible)`);
        assert.equal(value[0].isInvoiced, invoiced, `${from}..${to} isInvoiced`);
      }
    });

    test("the partner's reconciliation file has each line of the invoice once, with its amount, dates and number", async () => {
      const csv = async (month) => {
        const text = await (await opsGet(purser, `/ops/partners/${c.partnerId}/reconciliation/${month}`)).text();
        // No field of this scenario holds a comma or a quote, so splitting is enough here.
        const [header, ...rows] = text.replace(/^\uFEFF/, "").trimEnd().split("\r\n").map((l) => l.split(","));
        return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
      };
      const rowKey = (r) => key({
        chargeType: { usage: "Usage", "one-time": "OneTime" }[r.chargeType] ?? r.chargeType,
        start: r.chargeStartDate, end: r.chargeEndDate, quantity: Number(r.quantity), cents: cents(Number(r.amount)),
      });
      for (const [shown, lines, month] of [[invoice, expected.period, cal.period.month], [earlierInvoice, expected.earlier, cal.earlier.month]]) {
        const rows = await csv(month);
        const transactions = await all(billing.transactions.listByInvoice(world.account.name, shown.invoiceNumber));
        assert.deepEqual(rows.map(rowKey).sort(), transactions.map((t) => key(fromTransaction(t))).sort(), `cycle ${month}: one row per line`);
        assert.deepEqual(rows.map(rowKey).sort(), sortedKeys(lines), `cycle ${month}`);
        for (const r of rows) {
          assert.equal(Number(r.unitPrice), lines.find((l) => key(l) === rowKey(r)).unitPrice, `cycle ${month} unitPrice`);
          assert.equal(r.invoiceNumber, shown.invoiceNumber, `cycle ${month}`);
          assert.equal(r.partnerId, c.partnerId);
          assert.equal(r.customer, c.customer);
          assert.equal(r.subscriptionId, world.subscription.id);
          assert.equal(r.orderId, world.subscription.orderId);
          assert.equal(r.currency, c.currency);
        }
        assert.equal(sum(rows.map((r) => cents(Number(r.amount)))), cents(shown.subTotal), `cycle ${month}: the rows add up to the invoice`);
      }
    });
  });
}
