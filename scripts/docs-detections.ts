import fs from 'node:fs';
import { DOC_PATH, renderDetectionsDoc } from './detections-doc';

// Writes docs/detections.md from the detection library (run from the project root).
fs.writeFileSync(DOC_PATH, renderDetectionsDoc());
console.log(`wrote ${DOC_PATH}`);
