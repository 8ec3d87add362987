// R-ARM + R-DOWNLOAD acceptance for usage details: the official, unmodified
// @azure/arm-consumption@9.2.0 client lists usage events back from a running Purser at
// subscription scope (kind "legacy") and at billing account and profile scope (kind "modern"),
// following nextLink page by page, and the CSV download agrees with it line for line.
//
// A scenario of its own, so seed 004's balances stay as they are: one USD account with one
// profile and two subscriptions, usage ingested through POST /ops/usage. The server runs on the
// real clock and the operator API only announces prices from now on, while rating prices a
// day's usage at the rate in force when that local day began. So the profile gets a fixed-offset
// time zone whose next midnight falls within a minute after the price takes effect, and the
// usage is reported in the first seconds of that local day: slightly ahead of the clock, well
// within the 15 minutes of skew ingestion allows, so nothing waits.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { all, consumptionClient, opsPost, startPurser } from "./lib/purser.mjs";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const price = 0.37;

let purser;
let world;

/** The fixed offset ("+05:37", "-11:02") at which `instant` is local midnight, within ±12 hours. */
function offsetMakingMidnight(instant) {
  let minutes = -Math.round((instant.getTime() % DAY) / MINUTE);
  if (minutes <= -12 * 60) minutes += 24 * 60;
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return { minutes, text: `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}` };
}

async function ingest(events) {
  const response = await fetch(`${purser.url}/ops/usage`, {
    method: "POST",
    headers: { "Authorization": `Bearer ${purser.operatorToken}`, "Content-Type": "application/json" },
    body: JSON.stringify({ source: "compat.rp", events }),
  });
  const body = await response.json();
  assert.equal(response.status, 200, JSON.stringify(body));
  assert.equal(body.accepted, events.length, JSON.stringify(body));
}

before(async () => {
  purser = await startPurser();
  const account = await opsPost(purser, "/ops/billingAccounts", {
    displayName: "Fabrikam", agreementType: "MicrosoftCustomerAgreement", accountType: "Enterprise",
    soldTo: { addressLine1: "1 Main St", country: "US", companyName: "Fabrikam" },
  });
  const meter = await opsPost(purser, "/ops/meters", { name: "D2 v3", category: "Virtual Machines", unit: "1 Hour", creditEligible: true });
  const support = await opsPost(purser, "/ops/meters", { name: "Developer support", category: "Support", unit: "1 Month", creditEligible: false });
  const announced = await opsPost(purser, `/ops/meters/${meter.id}/prices`, { currency: "USD", unitPrice: price });
  const midnight = new Date(Math.ceil((Date.parse(announced.effectiveFrom) + 1000) / MINUTE) * MINUTE);
  const zone = offsetMakingMidnight(midnight);
  const localDay = new Date(midnight.getTime() + zone.minutes * MINUTE).toISOString().slice(0, 10);
  // The server's "today" is the eve of localDay for up to a minute; a billing day other than
  // localDay's keeps both in one billing period, the one listed when no filter is given.
  const invoiceDay = Number(localDay.slice(8)) === 1 ? 15 : 1;
  const profile = await opsPost(purser, "/ops/billingProfiles", {
    billingAccountId: account.id, displayName: "Research", currency: "USD", invoiceDay, timeZone: zone.text,
  });
  const first = await opsPost(purser, "/ops/subscriptions", { billingProfileId: profile.id, displayName: "Lab", offerType: "PayAsYouGo" });
  const second = await opsPost(purser, "/ops/subscriptions", { billingProfileId: profile.id, displayName: "Staging", offerType: "PayAsYouGo" });

  const events = [];
  for (let i = 0; i < 23; i++) {
    const subscription = i % 3 === 2 ? second : first;
    events.push({
      eventId: `compat-${String(i).padStart(2, "0")}`, subscriptionId: subscription.id, meterId: i === 7 ? support.id : meter.id,
      quantity: 0.5 + i * 0.25, timestamp: new Date(midnight.getTime() + (i + 1) * 1000).toISOString(),
      resourceId: `/subscriptions/${subscription.id}/resourceGroups/rg-lab/providers/Microsoft.Compute/virtualMachines/vm${i}`,
    });
  }
  await ingest(events);

  const reader = await opsPost(purser, "/ops/users", { billingAccountId: account.id, email: `usage-reader-${process.pid}@fabrikam.com` });
  await opsPost(purser, "/ops/roleAssignments", { userId: reader.id, role: "BillingAccountReader", scopeId: account.id });
  const { token } = await opsPost(purser, "/ops/tokens", { userId: reader.id, name: "compat-usage" });

  world = { account, profile, meter, support, first, second, events, token, localDay };
});

after(async () => {
  await purser?.stop();
});

const eventIdOf = (row) => JSON.parse(row.additionalInfo).EventId;
const filterAround = (day) => {
  const t = Date.parse(`${day}T00:00:00Z`);
  const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
  return `properties/usageStart ge '${iso(t - DAY)}' and properties/usageEnd le '${iso(t + DAY)}'`;
};

function expectLines(rows, events, kind) {
  assert.deepEqual(rows.map(eventIdOf), events.map((e) => e.eventId), `${kind}: one line per event, in timestamp order`);
  assert.equal(new Set(rows.map((r) => r.name)).size, rows.length, `${kind}: names are distinct`);
  rows.forEach((row, i) => {
    const e = events[i];
    const at = `${kind} ${e.eventId}`;
    const priced = e.meterId === world.meter.id;
    assert.equal(row.kind, kind, `${at} kind`);
    assert.equal(row.type, "Microsoft.Consumption/usageDetails", `${at} type`);
    assert.equal(row.quantity, e.quantity, `${at} quantity`);
    assert.equal(row.meterId, e.meterId, `${at} meterId`);
    assert.equal(row.date.toISOString().slice(0, 10), world.localDay, `${at} date (the profile's local day)`);
    assert.equal(row.isAzureCreditEligible, priced, `${at} isAzureCreditEligible`);
    assert.equal(row.chargeType, "Usage", `${at} chargeType`);
    assert.equal(row.effectivePrice ?? null, priced ? price : null, `${at} effectivePrice`);
    const cost = kind === "legacy" ? row.cost : row.costInBillingCurrency;
    if (priced) assert.ok(Math.abs(cost - price * e.quantity) < 1e-9, `${at} cost ${cost}`);
    else assert.equal(cost ?? null, null, `${at} cost of an unpriced meter`);
  });
}

test("usageDetails.list at subscription scope gives legacy lines, one per event, across nextLink pages", async () => {
  const consumption = consumptionClient(purser, world.token);
  const scope = `/subscriptions/${world.first.id}`;
  const rows = await all(consumption.usageDetails.list(scope, { filter: filterAround(world.localDay), top: 4, expand: "meterDetails", metric: "actualcost" }));
  const mine = world.events.filter((e) => e.subscriptionId === world.first.id);
  expectLines(rows, mine, "legacy");
  const row = rows.find((r) => eventIdOf(r) === "compat-00");
  assert.equal(row.id, `${scope}/providers/Microsoft.Consumption/usageDetails/${row.name}`);
  assert.equal(row.subscriptionId, world.first.id);
  assert.equal(row.subscriptionName, "Lab");
  assert.equal(row.billingCurrency, "USD");
  assert.equal(row.unitPrice, price);
  assert.equal(row.meterDetails.meterName, "D2 v3");
  assert.equal(row.meterDetails.meterCategory, "Virtual Machines");
  assert.equal(row.meterDetails.unitOfMeasure, "1 Hour");
  assert.equal(row.billingAccountId, world.account.name);
  assert.equal(row.billingAccountName, "Fabrikam");
  assert.equal(row.billingProfileId, world.profile.name);
  assert.equal(row.billingProfileName, "Research");
  assert.equal(row.resourceName, "vm0");
  assert.equal(row.resourceGroup, "rg-lab");
});

test("usageDetails.list at billing profile and account scope gives modern lines of every subscription", async () => {
  const consumption = consumptionClient(purser, world.token);
  const account = `/providers/Microsoft.Billing/billingAccounts/${world.account.name}`;
  const profile = `${account}/billingProfiles/${world.profile.name}`;
  for (const scope of [profile, account]) {
    const rows = await all(consumption.usageDetails.list(scope, { filter: filterAround(world.localDay), top: 5 }));
    expectLines(rows, world.events, "modern");
    const row = rows.find((r) => eventIdOf(r) === "compat-02");
    assert.ok(row.id.startsWith(`${scope}/providers/Microsoft.Consumption/usageDetails/`), row.id);
    assert.equal(row.subscriptionGuid, world.second.id);
    assert.equal(row.subscriptionName, "Staging");
    assert.equal(row.meterName, "D2 v3");
    assert.equal(row.billingCurrencyCode, "USD");
    assert.equal(row.costInUSD, row.costInBillingCurrency);
    assert.equal(row.billingAccountId, world.account.name);
    assert.equal(row.billingProfileName, "Research");
    assert.equal(row.instanceName, world.events[2].resourceId);
  }
});

test("without a filter the current billing period is listed; an empty range is an empty list", async () => {
  const consumption = consumptionClient(purser, world.token);
  const profile = `/providers/Microsoft.Billing/billingAccounts/${world.account.name}/billingProfiles/${world.profile.name}`;
  expectLines(await all(consumption.usageDetails.list(profile)), world.events, "modern");
  const none = await all(consumption.usageDetails.list(profile, { filter: "properties/usageStart ge '2019-01-01' and properties/usageEnd le '2019-01-31'" }));
  assert.deepEqual(none, []);
});

test("the usage CSV download agrees with the usage details line for line", async () => {
  const consumption = consumptionClient(purser, world.token);
  const profile = `/providers/Microsoft.Billing/billingAccounts/${world.account.name}/billingProfiles/${world.profile.name}`;
  const rows = await all(consumption.usageDetails.list(profile, { filter: filterAround(world.localDay) }));
  const response = await fetch(`${purser.url}/downloads/usage.csv?billingProfileId=${world.profile.id}&from=${world.localDay}&to=${world.localDay}`,
    { headers: { Authorization: `Bearer ${world.token}` } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-disposition"), /^attachment; filename=/);
  const bytes = new Uint8Array(await response.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 byte order mark");
  // No field of this scenario holds a comma or a quote, so splitting is enough here.
  const [header, ...lines] = new TextDecoder().decode(bytes.slice(3)).trimEnd().split("\r\n").map((l) => l.split(","));
  const csv = lines.map((l) => Object.fromEntries(header.map((h, i) => [h, l[i]])));
  assert.deepEqual(csv.map((l) => l.eventId), rows.map(eventIdOf));
  csv.forEach((l, i) => {
    assert.equal(Number(l.quantity), rows[i].quantity, `${l.eventId} quantity`);
    assert.equal(l.cost === "" ? null : Number(l.cost), rows[i].costInBillingCurrency ?? null, `${l.eventId} cost`);
    assert.equal(l.date, world.localDay, `${l.eventId} date`);
  });
});
