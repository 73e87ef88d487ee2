// The common error envelope of Alibaba's RPC gateway, for a spec that declares no error response:
// the validator checks what every RPC error carries (the runtime's ERROR_ENVELOPE_SHAPE, in
// response-error.ts, reads the same).

export const COMMON_ERROR_ENVELOPE: Readonly<Record<string, unknown>> = {
  type: 'object',
  required: ['RequestId', 'Code', 'Message'],
  properties: {
    RequestId: { type: 'string' },
    HostId: { type: 'string' },
    Code: { type: 'string' },
    Message: { type: 'string' },
    Recommend: { type: 'string' },
  },
};
