// The timestamp window: `yyyy-MM-ddTHH:mm:ssZ`, within the spec's window of the server's clock.
import { ServerError } from '../protocol/server-error.ts';

const FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

export function checkTimestamp(value: string, name: string, now: number, windowSeconds: number): void {
  const time = FORMAT.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(time)) throw new ServerError('InvalidTimeStamp.Format', name);
  if (Math.abs(now - time) > windowSeconds * 1000) throw new ServerError('InvalidTimeStamp.Expired', name);
}
