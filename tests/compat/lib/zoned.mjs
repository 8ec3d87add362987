// Local days and wall-clock times in an IANA time zone, computed in JS from Intl alone, so a test
// can say "00:10 on the billing date in Los Angeles" without asking the server it is checking.
// Days are "yyyy-MM-dd" strings; calendar arithmetic on them is done on UTC dates, where every day
// has 24 hours.

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

const formatters = new Map();
function formatter(zone) {
  if (!formatters.has(zone))
    formatters.set(zone, new Intl.DateTimeFormat("en-US", {
      timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit",
    }));
  return formatters.get(zone);
}

/** The wall clock in `zone` at `instant` (ms or Date), as numbers. */
function wall(zone, instant) {
  const parts = Object.fromEntries(formatter(zone).formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour, minute: +parts.minute, second: +parts.second };
}

/** The zone's offset from UTC at `instant`, in minutes (+480 in Shanghai, -420 or -480 in Los Angeles). */
export function offsetMinutes(zone, instant) {
  const w = wall(zone, instant);
  const whole = Math.floor(new Date(instant).getTime() / 1000) * 1000;
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole) / MINUTE);
}

const pad = (n, width = 2) => String(n).padStart(width, "0");

/** The local day ("yyyy-MM-dd") of `instant` in `zone`. */
export function localDay(zone, instant) {
  const w = wall(zone, instant);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** `day` moved by `days` calendar days. */
export function addDays(day, days) {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** "yyyy-MM" of a day. */
export const monthOf = (day) => day.slice(0, 7);

/**
 * The instant the wall clock in `zone` shows `hh:mm` on `day`. The offset is read at the first guess
 * and again at the result, so a day on which the offset changes (daylight saving) still comes out right;
 * a wall time that does not exist or happens twice is refused, because the tests only use times that
 * happen exactly once (minutes around midnight, while the US and China change clocks at 02:00 or not at all).
 */
export function atLocal(zone, day, hh, mm) {
  const [y, m, d] = day.split("-").map(Number);
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  let t = asUtc - offsetMinutes(zone, asUtc) * MINUTE;
  t = asUtc - offsetMinutes(zone, t) * MINUTE;
  const back = wall(zone, t);
  if (localDay(zone, t) !== day || back.hour !== hh || back.minute !== mm)
    throw new Error(`${day} ${pad(hh)}:${pad(mm)} does not exist in ${zone}`);
  for (const other of [t - 60 * MINUTE, t + 60 * MINUTE])
    if (localDay(zone, other) === day && wall(zone, other).hour === hh && wall(zone, other).minute === mm)
      throw new Error(`${day} ${pad(hh)}:${pad(mm)} happens twice in ${zone}`);
  return new Date(t);
}

/** The billing date of billing day `billingDay` (1–31) in the month "yyyy-MM", clamped to the month's last day (R-CALENDAR). */
export function billingDateIn(month, billingDay) {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${pad(Math.min(billingDay, last))}`;
}

/** The month "yyyy-MM" `months` months after `month`. */
export function addMonths(month, months) {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}`;
}

/**
 * The monthly period on billing day `billingDay` that contains `day`: from one billing date to the
 * day before the next, named by the month it starts in.
 */
export function periodContaining(day, billingDay) {
  let start = billingDateIn(monthOf(day), billingDay);
  if (start > day) start = billingDateIn(addMonths(monthOf(day), -1), billingDay);
  const nextStart = billingDateIn(addMonths(monthOf(start), 1), billingDay);
  return { month: monthOf(start), start, end: addDays(nextStart, -1), nextStart };
}
