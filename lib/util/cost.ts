const GB = 1024 ** 3;

/** What scanning `bytes` costs at a price per GB (binary, as CloudTrail Lake bills). */
export const usdForBytes = (bytes: number, pricePerGb: number) => (bytes / GB) * pricePerGb;
