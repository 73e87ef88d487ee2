// The timestamp window: `yyyy-MM-ddTHH:mm:ssZ`, a real calendar time, within the spec's window of the
// server's clock (both ends inclusive).
import { ServerError } from '../protocol/server-error.ts';

const FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export function checkTimestamp(value: string, name: string, now: number, windowSeconds: number): void {
  const time = FORMAT.test(value) ? Date.parse(value) : Number.NaN;
  // Date.parse rolls 2026-02-31 over to March; a time that does not print back as sent is malformed.
  if (Number.isNaN(time) || new Date(time).toISOString() !== value.replace('Z', '.000Z')) {
    throw new ServerError('InvalidTimeStamp.Format', name);
  }
  if (Math.abs(now - time) > windowSeconds * 1000) throw new ServerError('InvalidTimeStamp.Expired', name);
}
