// Baseline for `tests/bench.sh export`: the npm exceljs streaming writer writing the rows of a raw-export CSV
// (the same rows the .NET export writes) to an .xlsx, typed like the .NET export (numbers, booleans, dates).
//   node bench-exceljs.mjs rows.csv out.xlsx  →  JSON {rows, seconds, peakRssMb}
import ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';

const [input, output] = process.argv.slice(2);
const started = process.hrtime.bigint();
const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: output, useStyles: true, useSharedStrings: false });
let sheet = null;
let header = null;
let rows = 0;
const dateStyle = 'yyyy-mm-dd hh:mm:ss';

function cell(text) {
  if (text === '') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(text)) return new Date(text);
  return text.startsWith('"') ? text.slice(1, -1).replaceAll('""', '"') : text;
}

for await (const line of createInterface({ input: createReadStream(input), crlfDelay: Infinity })) {
  if (line === '') continue;
  const fields = line.split(',');
  if (!header) {
    header = fields;
    sheet = workbook.addWorksheet('Interactions', { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = header.map((h) => ({ header: h, key: h, width: h.endsWith('_at') ? 19 : 14, style: h.endsWith('_at') ? { numFmt: dateStyle } : {} }));
    continue;
  }
  sheet.addRow(fields.map(cell)).commit();
  rows++;
}
await sheet.commit();
await workbook.commit();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ rows, seconds, peakRssMb: process.resourceUsage().maxRSS / 1024 }));
