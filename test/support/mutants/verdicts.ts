// What the suite catches of each variant: the check that fails against it and a pattern of the
// failure it reports, measured by running the suite's selection against every variant
// (bench/conformance-mutants.ts prints any disagreement). A variant not here survives.
export const VERDICTS: Readonly<Record<string, { readonly caughtBy: string; readonly reason: RegExp }>> = {
  'v3-body-hash-trusted': {
    caughtBy: 'auth.v3.post.param-changed',
    reason: /expected SignatureDoesNotMatch \(HTTP 400\), got a success/,
  },
  'v3-signs-known-params-only': {
    caughtBy: 'auth.v3.get.param-added',
    reason: /expected SignatureDoesNotMatch \(HTTP 400\), got a success/,
  },
  'v1-signs-known-params-only': {
    caughtBy: 'auth.v1.get.param-added',
    reason: /expected SignatureDoesNotMatch \(HTTP 400\), got a success/,
  },
  'v3-host-unsigned': {
    caughtBy: 'auth.v3.signed-headers.without-host',
    reason: /expected IncompleteSignature \(HTTP 400\), got a success/,
  },
  'v3-content-type-unsigned': {
    caughtBy: 'auth.v3.signed-headers.without-content-type',
    reason: /expected IncompleteSignature \(HTTP 400\), got a success/,
  },
  'v3-content-sha256-unsigned': {
    caughtBy: 'auth.v3.signed-headers.without-x-acs-content-sha256',
    reason: /expected IncompleteSignature \(HTTP 400\), got a success/,
  },
  'v3-only-own-headers-signed': {
    caughtBy: 'auth.v3.unsigned-header',
    reason: /expected IncompleteSignature \(HTTP 400\), got a success/,
  },
  'v3-absent-signed-header-empty': {
    caughtBy: 'auth.v3.signed-headers.names-absent-header',
    reason: /expected IncompleteSignature \(HTTP 400\), got a success/,
  },
  'v3-signature-any-case': {
    caughtBy: 'auth.v3.signature-upper-case',
    reason: /expected IncompleteSignature \(HTTP 400\), got a success/,
  },
  'v3-canonical-query-as-sent': {
    caughtBy: 'auth.v3.get.lowercase-escapes',
    reason: /expected HTTP 200, got 400/,
  },
  'v1-string-to-sign-always-get': { caughtBy: 'auth.v1.post.valid', reason: /expected HTTP 200, got 400/ },
  'v1-canonical-unsorted': {
    caughtBy: 'protocol.missing-version',
    reason: /expected Code MissingParameter, got/,
  },
  'v1-unknown-key-as-mismatch': {
    caughtBy: 'auth.v1.unknown-key',
    reason: /expected Code InvalidAccessKeyId\.NotFound, got/,
  },
  'v3-unknown-key-as-mismatch': {
    caughtBy: 'auth.v3.unknown-key',
    reason: /expected Code InvalidAccessKeyId\.NotFound, got/,
  },
  'future-timestamps-unbounded': {
    caughtBy: 'auth.v3.timestamp.future-outside',
    reason: /expected InvalidTimeStamp\.Expired \(HTTP 400\), got a success/,
  },
  'v1-expiry-unchecked': {
    caughtBy: 'auth.v1.timestamp.past-outside',
    reason: /expected InvalidTimeStamp\.Expired \(HTTP 400\), got a success/,
  },
  'v3-expiry-unchecked': {
    caughtBy: 'auth.v3.timestamp.past-outside',
    reason: /expected InvalidTimeStamp\.Expired \(HTTP 400\), got a success/,
  },
  'window-30-minutes': {
    caughtBy: 'auth.v3.timestamp.past-outside',
    reason: /expected InvalidTimeStamp\.Expired \(HTTP 400\), got a success/,
  },
  'window-5-minutes': { caughtBy: 'auth.v3.timestamp.past-inside', reason: /expected HTTP 200, got 400/ },
  'v3-date-any-iso-format': {
    caughtBy: 'auth.v3.timestamp.without-zone',
    reason: /expected InvalidTimeStamp\.Format \(HTTP 400\), got a success/,
  },
  'v1-timestamp-any-iso-format': {
    caughtBy: 'auth.v1.timestamp.without-zone',
    reason: /expected InvalidTimeStamp\.Format \(HTTP 400\), got a success/,
  },
  'v1-nonce-unchecked': {
    caughtBy: 'auth.v1.nonce-replay',
    reason: /expected SignatureNonceUsed \(HTTP 400\), got a success/,
  },
  'v3-nonce-unchecked': {
    caughtBy: 'auth.v3.nonce-replay',
    reason: /expected SignatureNonceUsed \(HTTP 400\), got a success/,
  },
  'parameters-before-signature': {
    caughtBy: 'auth.v3.get.param-removed',
    reason: /expected Code SignatureDoesNotMatch, got/,
  },
  'v1-missing-signature-as-mismatch': {
    caughtBy: 'auth.v1.missing.Signature',
    reason: /expected Code MissingParameter, got/,
  },
  'v1-nonce-optional': {
    caughtBy: 'auth.v1.missing.SignatureNonce',
    reason: /expected MissingParameter \(HTTP 400\), got a success/,
  },
  'v3-date-optional': {
    caughtBy: 'auth.v3.missing.x-acs-date',
    reason: /expected MissingParameter \(HTTP 400\), got a success/,
  },
  'integer-above-maximum-clamped': {
    caughtBy: 'boundary.DescribeInstanceStatus.PageNumber.above-max-2147483648',
    reason: /expected InvalidParameter \(HTTP 400\), got a success/,
  },
  'integer-below-minimum-clamped': {
    caughtBy: 'boundary.DescribeInstanceStatus.PageNumber.below-min-0',
    reason: /expected InvalidParameter \(HTTP 400\), got a success/,
  },
  'integer-read-with-number': {
    caughtBy: 'boundary.DescribeInstanceStatus.PageNumber.exponent',
    reason: /expected InvalidParameter \(HTTP 400\), got a success/,
  },
  'integer-read-with-parseint': {
    caughtBy: 'boundary.DescribeInstanceStatus.PageNumber.1.5',
    reason: /expected InvalidParameter \(HTTP 400\), got a success/,
  },
  'large-maximum-unchecked': {
    caughtBy: 'boundary.DescribeInstanceStatus.PageNumber.above-max-2147483648',
    reason: /expected InvalidParameter \(HTTP 400\), got a success/,
  },
  'max-length-unchecked': {
    caughtBy: 'boundary.DescribeInstanceStatus.RegionId.above-max-length-65',
    reason: /expected Code InvalidParameter, got/,
  },
  'empty-string-as-absent': {
    caughtBy: 'boundary.DescribeInstanceStatus.RegionId.empty',
    reason: /expected Code InvalidParameter, got/,
  },
  'max-items-unchecked': {
    caughtBy: 'boundary.DescribeInstanceStatus.InstanceId.101-items',
    reason: /expected InvalidParameter \(HTTP 400\), got a success/,
  },
  'list-gaps-accepted': {
    caughtBy: 'boundary.DescribeInstanceStatus.InstanceId.index-gap',
    reason: /expected InvalidParameter \(HTTP 400\), got a success/,
  },
  'missing-as-invalid': {
    caughtBy: 'boundary.DescribeInstanceStatus.RegionId.missing',
    reason: /expected Code MissingParameter, got/,
  },
  'message-names-no-parameter': {
    caughtBy: 'boundary.DescribeInstanceStatus.RegionId.empty',
    reason: /the message does not match \/RegionId\//,
  },
  'boolean-anything-but-false-is-true': {
    caughtBy: 'boundary.DescribeDisks.Portable.yes',
    reason: /expected InvalidParameter \(HTTP 400\), got a success/,
  },
  'known-values-any-case': {
    caughtBy: 'boundary.DescribeRegions.ResourceType.known-in-another-case',
    reason: /expected InvalidResourceType\.NotFound \(HTTP 404\), got a success/,
  },
  'unknown-region-as-invalid-parameter': {
    caughtBy: 'boundary.DescribeInstanceStatus.RegionId.unknown',
    reason: /expected Code InvalidRegionId\.NotFound, got/,
  },
  'unknown-zone-empty-page': {
    caughtBy: 'boundary.DescribeInstanceStatus.ZoneId.unknown',
    reason: /expected InvalidZoneId\.NotFound \(HTTP 404\), got a success/,
  },
  'accept-language-unchecked': {
    caughtBy: 'boundary.DescribeRegions.AcceptLanguage.unknown',
    reason: /expected InvalidAcceptLanguage\.NotFound \(HTTP 404\), got a success/,
  },
  'zone-filter-not-applied': {
    caughtBy: 'pagination.DescribeInstanceStatus.filter-ZoneId-within-all',
    reason: /(?:)/,
  },
  'cluster-filter-not-applied': {
    caughtBy: 'pagination.DescribeInstanceStatus.filter-ClusterId-within-all',
    reason: /(?:)/,
  },
  'second-filter-dropped': {
    caughtBy: 'pagination.DescribeInstanceStatus.filters-ZoneId-and-ClusterId',
    reason: /ZoneId=cn-hangzhou-d and ClusterId=cls-clusterid1 returned 69 items; t/,
  },
  'instance-ids-first-only': {
    caughtBy: 'response.DescribeInstanceStatus.list-is-array',
    reason: /JSON: asked for 3 id\(s\), got 1/,
  },
  'unknown-instance-id-refused': {
    caughtBy: 'response.DescribeInstanceStatus.list-is-array',
    reason: /JSON: InstanceStatuses\.InstanceStatus is not an array for 1 item\(s\)/,
  },
  'region-ignored': {
    caughtBy: 'pagination.DescribeInstanceStatus.region-scoped',
    reason: /InstanceId i-hz0001 is listed under RegionId cn-hangzhou and cn-shangh/,
  },
  'zone-any-case': {
    caughtBy: 'boundary.DescribeInstanceStatus.ZoneId.known-in-another-case',
    reason: /expected InvalidZoneId\.NotFound \(HTTP 404\), got a success/,
  },
  'zone-prefix-match': {
    caughtBy: 'boundary.DescribeInstanceStatus.ZoneId.prefix-of-known',
    reason: /expected InvalidZoneId\.NotFound \(HTTP 404\), got a success/,
  },
  'disk-status-filter-not-applied': {
    caughtBy: 'pagination.DescribeDisks.filter-Status-within-all',
    reason: /Status=Status-14n3i98 returned an item whose Status is/,
  },
  'accept-xml-ignored': {
    caughtBy: 'protocol.negotiation.accept-application-xml.success',
    reason: /asked for XML, the answer's content type is/,
  },
  'format-case-sensitive': {
    caughtBy: 'protocol.negotiation.parameter-mixed-case.success',
    reason: /asked for XML, the answer's content type is/,
  },
  'accept-beats-format': {
    caughtBy: 'protocol.negotiation.parameter-over-accept-json.success',
    reason: /asked for JSON, the answer's content type is/,
  },
  'xml-errors-in-json': {
    caughtBy: 'protocol.negotiation.parameter-xml.error',
    reason: /asked for XML, the answer's content type is/,
  },
  'xml-labelled-json': {
    caughtBy: 'protocol.negotiation.parameter-xml.success',
    reason: /asked for XML, the answer's content type is/,
  },
  'json-labelled-text': {
    caughtBy: 'protocol.negotiation.parameter-json.success',
    reason: /asked for JSON, the answer's content type is/,
  },
  'xml-root-generic': {
    caughtBy: 'protocol.negotiation.parameter-xml.success',
    reason: /the XML root element is <Response>, the spec names <DescribeInstanceRa/,
  },
  'xml-error-root': {
    caughtBy: 'protocol.negotiation.parameter-xml.error',
    reason: /the XML root element is <ErrorResponse>, the spec names <Error>/,
  },
  'xml-text-unescaped': {
    caughtBy: 'protocol.negotiation.parameter-xml.error',
    reason: /expected Code InvalidVersion, got undefined/,
  },
  'top-level-numbers-as-strings': {
    caughtBy: 'response.DescribeInstanceStatus.numbers-are-numbers',
    reason: /TotalCount is/,
  },
  'nested-numbers-as-strings': {
    caughtBy: 'response.DescribeDisks.numbers-are-numbers',
    reason: /Disks\.Disk\[0\]\.StorageSetPartitionNumber is/,
  },
  'booleans-as-strings': {
    caughtBy: 'response.DescribeDisks.numbers-are-numbers',
    reason: /Disks\.Disk\[0\]\.EnableAutoSnapshot is/,
  },
  'post-form-body-ignored': { caughtBy: 'auth.v3.post.valid', reason: /expected HTTP 200, got 400/ },
  'version-unchecked': {
    caughtBy: 'protocol.unknown-version',
    reason: /expected InvalidVersion \(HTTP 400\), got a success/,
  },
  'any-method-served': {
    caughtBy: 'protocol.other-method',
    reason: /expected Code UnsupportedHTTPMethod, got/,
  },
  'v1-encodes-like-encodeuricomponent': {
    caughtBy: 'auth.v1.get.reserved-sent-raw',
    reason: /expected HTTP 200, got 400/,
  },
  'totalcount-off-by-one': {
    caughtBy: 'pagination.DescribeInstanceStatus.walk-50',
    reason: /page 3 of 50 has 37 items; with 38 left it should have 38/,
  },
  'page-repeats-last-item': {
    caughtBy: 'pagination.DescribeInstanceStatus.walk-50',
    reason: /page 2 of 50 repeats/,
  },
  'page-number-zero-based': {
    caughtBy: 'boundary.DescribeInstanceStatus.PageNumber.max-2147483647',
    reason: /expected HTTP 200, got 400/,
  },
  'last-partial-page-empty': {
    caughtBy: 'response.DescribeInstanceStatus.list-is-array',
    reason: /JSON: asked for 1 id\(s\), got 0/,
  },
  'totalcount-ignores-filters': {
    caughtBy: 'pagination.DescribeInstanceStatus.filter-ZoneId-within-all',
    reason: /page 2 of 50 has 19 items; with 87 left it should have 50/,
  },
  'page-size-echo-default': {
    caughtBy: 'pagination.DescribeInstanceStatus.walk-50',
    reason: /page 1 of 50 echoed PageSize 10/,
  },
  'default-page-size-20': {
    caughtBy: 'response.DescribeInstanceStatus.defaults-echoed',
    reason: /echoed PageSize 20, want 10/,
  },
  'page-past-end-refused': {
    caughtBy: 'boundary.DescribeInstanceStatus.PageNumber.max-2147483647',
    reason: /expected HTTP 200, got 400/,
  },
  'next-token-loops': {
    caughtBy: 'pagination.DescribeDisks.walk-500',
    reason: /the token acsrpc-rs was handed back twice: the walk would never end/,
  },
  'next-token-on-last-page': {
    caughtBy: 'pagination.DescribeDisks.walk-500',
    reason: /page 4 of 500 is empty: the token of page 3 led nowhere/,
  },
  'max-results-ignored': { caughtBy: 'pagination.DescribeDisks.walk-7', reason: /page 1 of 7 has 10 items/ },
  'requestid-reused': { caughtBy: 'response.request-id-unique', reason: /RequestId SAME was used twice/ },
  'requestid-counter-wraps': {
    caughtBy: 'response.request-id-unique',
    reason: /RequestId REQ-0000 was used twice/,
  },
  'error-requestid-fixed': {
    caughtBy: 'response.request-id-unique',
    reason: /RequestId 00000000-0000-0000-0000-000000000000 was used twice/,
  },
  'hostid-missing': {
    caughtBy: 'protocol.unknown-action',
    reason: /the error envelope is invalid: HostId is required/,
  },
  'error-requestid-missing': {
    caughtBy: 'protocol.unknown-action',
    reason: /the error envelope is invalid: RequestId is required/,
  },
  'error-message-missing': {
    caughtBy: 'protocol.unknown-action',
    reason: /the error envelope is invalid: Message is required/,
  },
  'not-found-status-400': {
    caughtBy: 'boundary.DescribeInstanceStatus.RegionId.unknown',
    reason: /InvalidRegionId\.NotFound must come with HTTP 404, got 400/,
  },
  'unknown-action-status-400': {
    caughtBy: 'protocol.unknown-action',
    reason: /InvalidAction\.NotFound must come with HTTP 404, got 400/,
  },
  'errors-with-status-200': {
    caughtBy: 'protocol.unknown-action',
    reason: /expected InvalidAction\.NotFound \(HTTP 404\), got a success/,
  },
  'generic-not-found-message': {
    caughtBy: 'boundary.DescribeInstanceStatus.RegionId.unknown',
    reason: /the message does not match \/\^The RegionId provided does not exist in o/,
  },
  'malformed-integer-500': {
    caughtBy: 'boundary.DescribeInstanceStatus.PageNumber.abc',
    reason: /expected InvalidParameter \(HTTP 400\), got a server error/,
  },
  'error-content-type-html': {
    caughtBy: 'protocol.negotiation.parameter-json.error',
    reason: /asked for JSON, the answer's content type is/,
  },
  'empty-list-omitted': {
    caughtBy: 'response.DescribeInstanceStatus.list-is-array',
    reason: /JSON: InstanceStatuses\.InstanceStatus is not an array for 1 item\(s\)/,
  },
  'one-item-as-object': {
    caughtBy: 'response.DescribeInstanceStatus.list-is-array',
    reason: /JSON: InstanceStatuses\.InstanceStatus is not an array for 1 item\(s\)/,
  },
  'xml-list-wrapper-missing': {
    caughtBy: 'protocol.DescribeInstanceStatus.format-xml',
    reason: /the body is invalid: InstanceStatuses is required/,
  },
};
