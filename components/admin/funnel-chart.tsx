import type { Funnel } from "@/lib/bookings/funnel";
import { percent } from "@/lib/bookings/funnel";

/**
 * Enquiries and booked calls per month as a static SVG drawn on the server: no chart library, no script.
 * Colours come from the theme's variables (light and dark); the numbers are printed beside the bars and the
 * same figures are in the table below, so nothing depends on seeing the bars.
 */

const WIDTH = 640;
const LABEL = 72;
const ROW = 46;
const BAR = 15;
const NUMBERS = 120;

export function FunnelChart({ months }: { months: Funnel["byMonth"] }) {
  const rows = [...months].reverse().slice(-12);
  const max = Math.max(1, ...rows.map((row) => row.enquiries));
  const scale = (value: number) => (value / max) * (WIDTH - LABEL - NUMBERS);
  const height = rows.length * ROW + 28;
  return (
    <svg
      className="funnel-chart"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby="funnel-chart-title"
      preserveAspectRatio="xMinYMin meet"
    >
      <title id="funnel-chart-title">
        {`Enquiries and booked calls per month: ${rows
          .map((row) => `${row.month}, ${row.enquiries} enquiries, ${row.booked} booked`)
          .join("; ")}`}
      </title>
      <g className="funnel-chart__legend" aria-hidden="true">
        <rect x={LABEL} y={2} width={12} height={12} className="funnel-chart__enquiries" />
        <text x={LABEL + 18} y={12}>
          Enquiries
        </text>
        <rect x={LABEL + 110} y={2} width={12} height={12} className="funnel-chart__booked" />
        <text x={LABEL + 128} y={12}>
          Booked calls
        </text>
      </g>
      {rows.map((row, index) => {
        const y = 28 + index * ROW;
        return (
          <g key={row.month} aria-hidden="true">
            <text x={0} y={y + BAR + 4} className="funnel-chart__label">
              {row.month}
            </text>
            <rect x={LABEL} y={y} width={scale(row.enquiries)} height={BAR} className="funnel-chart__enquiries" />
            <rect x={LABEL} y={y + BAR + 2} width={scale(row.booked)} height={BAR} className="funnel-chart__booked" />
            <text x={LABEL + scale(row.enquiries) + 8} y={y + BAR - 3}>
              {row.enquiries}
            </text>
            <text x={LABEL + scale(row.booked) + 8} y={y + 2 * BAR - 1}>
              {`${row.booked} (${percent(row.shareBooked)})`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
