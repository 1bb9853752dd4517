import fs from 'node:fs';
import { expect, it } from 'vitest';
import { DOC_PATH, renderDetectionsDoc } from '../../scripts/detections-doc';

it(`${DOC_PATH} matches the detection library (run npm run docs:detections)`, () => {
  expect(fs.readFileSync(DOC_PATH, 'utf8') === renderDetectionsDoc(), `${DOC_PATH} is stale: run npm run docs:detections`).toBe(true);
});
