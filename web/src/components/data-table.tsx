import { useTranslation } from 'react-i18next';

/** The numbers behind a chart, as a real table (collapsed under a summary button by default). */
export function ChartDataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: (string | number)[][] }) {
  const { t } = useTranslation();
  return (
    <details className="chart-table">
      <summary>{t('common.showTable')}</summary>
      <table className="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
