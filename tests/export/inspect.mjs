// Independent reader of a workbook for the .NET export tests: prints what exceljs sees (frozen panes,
// row outline levels, conditional formats, autofilters) and which chart / sparkline parts the package holds.
//   node inspect.mjs file.xlsx  →  JSON on stdout
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';

const file = process.argv[2];
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.readFile(file);
const sheets = [];
workbook.eachSheet((ws) => {
  const view = (ws.views || [])[0] || {};
  let maxOutline = 0;
  let outlinedRows = 0;
  ws.eachRow({ includeEmpty: false }, (row) => {
    if (row.outlineLevel > 0) outlinedRows++;
    maxOutline = Math.max(maxOutline, row.outlineLevel || 0);
  });
  const rules = (ws.conditionalFormattings || []).flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, type: r.type, formulae: r.formulae || [] })));
  sheets.push({
    name: ws.name,
    frozen: view.state === 'frozen',
    frozenRows: view.state === 'frozen' ? view.ySplit || 0 : 0,
    maxOutline,
    outlinedRows,
    conditionalRules: rules,
    autoFilter: ws.autoFilter ? (typeof ws.autoFilter === 'string' ? ws.autoFilter : JSON.stringify(ws.autoFilter)) : null,
    orientation: ws.pageSetup?.orientation ?? null,
    fitToWidth: ws.pageSetup?.fitToWidth ?? null,
    rowCount: ws.actualRowCount,
  });
});
const zip = await JSZip.loadAsync(await readFile(file));
const names = Object.keys(zip.files);
const charts = names.filter((n) => /^xl\/(.*\/)?charts\/chart\d+\.xml$/.test(n));
let lineCharts = 0;
for (const c of charts) if ((await zip.file(c).async('string')).includes('<c:lineChart')) lineCharts++;
let sparklines = 0;
for (const s of names.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))) {
  sparklines += ((await zip.file(s).async('string')).match(/<x14:sparkline>/g) || []).length;
}
console.log(JSON.stringify({
  sheets,
  charts: charts.length,
  lineCharts,
  drawings: names.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n)).length,
  sparklines,
  company: workbook.company ?? null,
}));
