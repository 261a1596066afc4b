const number = new Intl.NumberFormat("en");

/** A count in a `.stats` row, tinted when it calls for attention. */
export function Stat({ label, value, tone }: { label: string; value: number; tone?: "warn" | "bad" }) {
  return (
    <div className={`stat${tone ? ` stat-${tone}` : ""}`}>
      <div className="stat-value">{number.format(value)}</div>
      <div className="stat-label">{label}</div>
    </div>
  );
}
