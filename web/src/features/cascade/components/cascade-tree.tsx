import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { formatValue } from '../../../lib/format';
import { CascadeLevelQuery } from '../api/get-cascade-level';
import { heatMetrics, toCascadeLevel, type TreeNode } from '../api/cascade-view';
import './cascade-tree.css';

/** A shape per status, so the heat map never relies on colour alone. */
const glyph: Record<string, string> = { ON_TRACK: '✓', AT_RISK: '!', OFF_TRACK: '✕', NO_DATA: '' };

interface TreeProps {
  root: TreeNode;
  rootChildren: TreeNode[];
  period: string;
  open: Set<string>;
  onToggle: (id: string) => void;
}

/**
 * The cascade as an ARIA treegrid: ↑/↓ move between rows, → expands (or steps into the first child), ← collapses
 * (or steps to the parent), Enter opens the unit's scorecard. Expanding a row loads its children then.
 */
export function CascadeTree({ root, rootChildren, period, open, onToggle }: TreeProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const body = useRef<HTMLTableSectionElement>(null);

  function onKeyDown(e: React.KeyboardEvent) {
    const rows = Array.from(body.current?.querySelectorAll<HTMLTableRowElement>('tr[data-unit]') ?? []);
    const current = (e.target as HTMLElement).closest<HTMLTableRowElement>('tr[data-unit]');
    if (!current) return;
    const i = rows.indexOf(current);
    const id = current.dataset.unit!;
    const level = Number(current.getAttribute('aria-level'));
    const expanded = current.getAttribute('aria-expanded');
    const focus = (row: HTMLTableRowElement | undefined) => {
      if (!row) return;
      rows.forEach((r) => (r.tabIndex = -1));
      row.tabIndex = 0;
      row.focus();
    };
    switch (e.key) {
      case 'ArrowDown':
        focus(rows[i + 1]);
        break;
      case 'ArrowUp':
        focus(rows[i - 1]);
        break;
      case 'ArrowRight':
        if (expanded === 'false') onToggle(id);
        else if (expanded === 'true') focus(rows[i + 1]);
        break;
      case 'ArrowLeft':
        if (expanded === 'true') onToggle(id);
        else focus(rows.slice(0, i).reverse().find((r) => Number(r.getAttribute('aria-level')) === level - 1));
        break;
      case 'Home':
        focus(rows[0]);
        break;
      case 'End':
        focus(rows[rows.length - 1]);
        break;
      case 'Enter':
        if (e.target === current) navigate(`/units/${id}/scorecard?period=${period}`);
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  return (
    <table className="table cascade" role="treegrid" aria-label={t('cascade.tree')} onKeyDown={onKeyDown}>
      <thead>
        <tr>
          <th scope="col">{t('cascade.unit')}</th>
          {heatMetrics.map((m) => (
            <th key={m} scope="col" className="num">
              {t(`metrics.${m}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={body}>
        <Row node={root} level={1} period={period} open={open} onToggle={onToggle} first />
        {open.has(root.id) && <Rows nodes={rootChildren} level={2} period={period} open={open} onToggle={onToggle} />}
      </tbody>
    </table>
  );
}

interface RowsProps {
  nodes: TreeNode[];
  level: number;
  period: string;
  open: Set<string>;
  onToggle: (id: string) => void;
}

function Rows({ nodes, level, ...rest }: RowsProps) {
  return (
    <>
      {nodes.map((n) => (
        <Branch key={n.id} node={n} level={level} {...rest} />
      ))}
    </>
  );
}

function Branch({ node, level, period, open, onToggle }: { node: TreeNode } & Omit<RowsProps, 'nodes'>) {
  const expanded = open.has(node.id);
  return (
    <>
      <Row node={node} level={level} period={period} open={open} onToggle={onToggle} />
      {expanded && <Children unit={node.id} level={level + 1} period={period} open={open} onToggle={onToggle} />}
    </>
  );
}

/** An expanded row's children: loaded when it opens (and cached, so collapsing and reopening is instant). */
function Children({ unit, level, period, open, onToggle }: { unit: string } & Omit<RowsProps, 'nodes'>) {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({ query: CascadeLevelQuery, variables: { unit, period } });
  const cols = heatMetrics.length + 1;
  if (error)
    return (
      <tr>
        <td colSpan={cols} role="alert" className="error">
          {error.message}{' '}
          <button type="button" className="button--small" onClick={() => refetch({ requestPolicy: 'network-only' })}>
            {t('common.retry')}
          </button>
        </td>
      </tr>
    );
  const level_ = data ? toCascadeLevel(data) : null;
  if (!level_)
    return (
      <tr aria-busy="true">
        <td colSpan={cols}>
          <div className="cascade__loading" style={{ marginLeft: level * 18 }}>
            {t('common.loading')}
          </div>
        </td>
      </tr>
    );
  return <Rows nodes={level_.children} level={level} period={period} open={open} onToggle={onToggle} />;
}

function Row({ node, level, period, open, onToggle, first }: { node: TreeNode; level: number; first?: boolean } & Omit<RowsProps, 'nodes' | 'level'>) {
  const { t, i18n } = useTranslation();
  const expanded = node.hasChildren ? open.has(node.id) : undefined;
  return (
    <tr
      data-unit={node.id}
      data-code={node.code}
      aria-level={level}
      aria-expanded={expanded}
      tabIndex={first ? 0 : -1}
      className="cascade__row"
    >
      <th scope="row" role="gridcell">
        <span className="cascade__name" style={{ paddingLeft: (level - 1) * 18 }}>
          {node.hasChildren ? (
            <button
              type="button"
              tabIndex={-1}
              className="cascade__toggle"
              aria-label={t(expanded ? 'cascade.collapse' : 'cascade.expand', { unit: node.name })}
              onClick={() => onToggle(node.id)}
            >
              {expanded ? '▾' : '▸'}
            </button>
          ) : (
            <span className="cascade__toggle-space" />
          )}
          <Link to={`/units/${node.id}/scorecard?period=${period}`} tabIndex={-1} aria-label={t('cascade.openScorecard', { unit: node.name })}>
            {node.name}
          </Link>
          <span className="cascade__kind">{t(`cascade.kinds.${node.kind}`, { defaultValue: node.kind })}</span>
        </span>
      </th>
      {heatMetrics.map((m) => {
        const c = node.cells[m];
        return (
          <td key={m} role="gridcell" className={`num heat heat--${c?.status ? c.status.toLowerCase() : 'none'}`}>
            {c ? (
              <>
                {c.suppressed ? t('scorecard.suppressedValue') : formatValue(c.actual, c.valueUnit, i18n.language)}
                <span className="heat__glyph" aria-hidden="true">
                  {c.status ? glyph[c.status] : ''}
                </span>
                {c.status && <span className="visually-hidden"> ({t(`status.${c.status}`)})</span>}
              </>
            ) : (
              '–'
            )}
          </td>
        );
      })}
    </tr>
  );
}
