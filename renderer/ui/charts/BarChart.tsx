/**
 * Horizontal bars drawn as plain SVG: readable in print and in both languages, no chart
 * library to load. Each bar can be a link to the list behind it.
 */
export interface Bar {
  key: string;
  label: string;
  /** Stacked segments, drawn left to right. */
  segments: readonly { key: string; value: number; className: string; label: string }[];
}

export interface BarChartProps {
  title: string;
  bars: readonly Bar[];
  onSelect?: (barKey: string, segmentKey: string | null) => void;
  /** The scale's maximum; defaults to the largest bar. */
  max?: number;
}

const ROW = 26;
const LABEL_WIDTH = 250;
const WIDTH = 640;
/** Characters that fit the label column at 12px; CJK characters are about twice as wide. */
const LABEL_UNITS = 38;

function fitLabel(label: string): string {
  let units = 0;
  let out = '';
  for (const ch of label) {
    units += ch.charCodeAt(0) < 0x100 ? 1 : 2;
    if (units > LABEL_UNITS) return `${out}…`;
    out += ch;
  }
  return out;
}

export function BarChart({ title, bars, onSelect, max }: BarChartProps) {
  const total = (bar: Bar) => bar.segments.reduce((sum, s) => sum + s.value, 0);
  const scaleMax = Math.max(1, max ?? Math.max(0, ...bars.map(total)));
  const barWidth = WIDTH - LABEL_WIDTH - 50;
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${bars.length * ROW + 4}`}
        role="img"
        aria-label={title}
        width="100%"
      >
        {bars.map((bar, row) => {
          let x = LABEL_WIDTH;
          const y = row * ROW + 4;
          return (
            <g key={bar.key}>
              <text x={LABEL_WIDTH - 8} y={y + 14} textAnchor="end" className="chart-label">
                <title>{bar.label}</title>
                {fitLabel(bar.label)}
              </text>
              {bar.segments.map((segment) => {
                const w = (segment.value / scaleMax) * barWidth;
                const rect = (
                  <rect
                    key={segment.key}
                    x={x}
                    y={y}
                    width={Math.max(0, w)}
                    height={ROW - 8}
                    className={`${segment.className}${onSelect ? ' clickable' : ''}`}
                    onClick={onSelect ? () => onSelect(bar.key, segment.key) : undefined}
                  >
                    <title>{`${bar.label} · ${segment.label}: ${segment.value}`}</title>
                  </rect>
                );
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + 14} className="chart-value">
                {total(bar)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
