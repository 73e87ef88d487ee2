// The timestamp window: `yyyy-MM-ddTHH:mm:ssZ`, a real calendar time, within the spec's window of the
// server's clock (both ends inclusive).
import { ServerError } from '../protocol/server-error.ts';

const FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** The last well-formed timestamp read and its time: the requests of one second share their
 * timestamp, so most are read with one comparison. */
export interface LastTimestamp {
  text: string;
  time: number;
}

export function checkTimestamp(
  value: string,
  name: string,
  now: number,
  windowSeconds: number,
  last: LastTimestamp = { text: '', time: Number.NaN },
): void {
  const known = value === last.text ? last.time : Number.NaN;
  const time = Number.isNaN(known) ? readTimestamp(value, name) : known;
  last.text = value;
  last.time = time;
  if (Math.abs(now - time) > windowSeconds * 1000) throw new ServerError('InvalidTimeStamp.Expired', name);
}

function readTimestamp(value: string, name: string): number {
  const time = FORMAT.test(value) ? Date.parse(value) : Number.NaN;
  // Date.parse rolls 2026-02-31 over to March; a time that does not print back as sent is malformed.
  if (Number.isNaN(time) || new Date(time).toISOString() !== value.replace('Z', '.000Z')) {
    throw new ServerError('InvalidTimeStamp.Format', name);
  }
  return time;
}
