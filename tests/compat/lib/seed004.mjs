// Seed 004's credit example loaded through the operator API alone, step for step as
// tests/Purser.Testing/Seed004Scenario.cs builds it: two 500.00 USD lots from 2019-09-18, a 2.13
// charge invoiced in September's period (current balance 997.87), then a pending 1.74 charge on
// 2019-10-11 (estimated 996.13). The server runs on the real clock, so every date is given
// explicitly and the 2019 period is already over when the billing run closes it.
import { opsPost } from "./purser.mjs";

export const soldTo = {
  addressLine1: "AddressLine1", city: "City", region: "Region", postalCode: "98052", country: "US", companyName: "Contoso",
};
export const granted = "2019-09-18T21:47:31Z";
/**
 * The seed's lots expire a year less a second after the grant (2020-09-18T21:47:30Z). The server
 * runs on the real clock and writes off expired credit, which would change every balance the
 * seed shows; these lots keep the seed's time of day but expire far in the future, so they stay
 * Active, as the seed lists them.
 */
export const expires = "2099-09-18T21:47:30Z";
export const settledCharge = { amount: 2.13, description: "Credit eligible charges as of 09/30/2019", chargedAt: "2019-09-30T12:00:00Z" };
export const pendingCharge = { amount: 1.74, description: "Credit eligible charges as of 10/11/2019", chargedAt: "2019-10-11T08:00:00Z" };
export const period = { start: "2019-09-05", end: "2019-10-04" };

export async function loadSeed004(purser) {
  const account = await opsPost(purser, "/ops/billingAccounts", {
    displayName: "Contoso", agreementType: "MicrosoftCustomerAgreement", accountType: "Enterprise", soldTo,
  });
  const profile = await opsPost(purser, "/ops/billingProfiles", {
    billingAccountId: account.id, displayName: "Development", currency: "USD", invoiceDay: 5,
  });
  const lots = [];
  for (let i = 0; i < 2; i++)
    lots.push(await opsPost(purser, "/ops/credits", {
      billingProfileId: profile.id, amount: 500.00, source: "Azure Promotional Credit", startDate: granted, expirationDate: expires,
    }));
  await opsPost(purser, "/ops/charges", { billingProfileId: profile.id, ...settledCharge });
  const invoice = await opsPost(purser, "/ops/billingRuns", { billingProfileId: profile.id, periodStart: period.start, periodEnd: period.end });
  await opsPost(purser, "/ops/charges", { billingProfileId: profile.id, ...pendingCharge });

  const reader = await opsPost(purser, "/ops/users", { billingAccountId: account.id, email: `reader-${process.pid}@contoso.com` });
  await opsPost(purser, "/ops/roleAssignments", { userId: reader.id, role: "BillingAccountReader", scopeId: account.id });
  const { token } = await opsPost(purser, "/ops/tokens", { userId: reader.id, name: "compat" });

  return { account, profile, lots, invoice, readerToken: token };
}
