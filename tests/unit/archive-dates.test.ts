import { expect, it } from 'vitest';
import { datedBefore, dayOfPath } from '../../lib/lake/imports/archive-dates';

it('tells archive date folders wholly before a day, for paths and S3 prefixes', () => {
  const since = '2024-05-02';
  expect(datedBefore('/a/AWSLogs/111122223333/CloudTrail/us-east-1/2023', since)).toBe(true);
  expect(datedBefore('AWSLogs/111122223333/CloudTrail/us-east-1/2024/', since)).toBe(false);
  expect(datedBefore('AWSLogs/111122223333/CloudTrail/us-east-1/2024/04/', since)).toBe(true);
  expect(datedBefore('AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/', since)).toBe(false);
  expect(datedBefore('AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/01/', since)).toBe(true);
  expect(datedBefore('AWSLogs/111122223333/CloudTrail/us-east-1/2024/05/02', since)).toBe(false);
  // not date folders: an account, a region, a name with digits
  expect(datedBefore('AWSLogs/111122223333/', since)).toBe(false);
  expect(datedBefore('AWSLogs/o-a1b2c3d4e5/1999-archive/', since)).toBe(false);
  expect(datedBefore('/data/2024/13/', since)).toBe(false);
  expect(dayOfPath('AWSLogs/1/CloudTrail/us-east-1/2024/05/01/x.json.gz')).toBe('2024-05-01');
});
