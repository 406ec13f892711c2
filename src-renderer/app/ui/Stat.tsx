/** One count card in a `.stat-row`: the number, and what it counts under it. */
export function Stat({ value, label, className }: { value: string; label: string; className?: string }) {
  return (
    <div className={className ? `stat ${className}` : 'stat'}>
      <span className="stat-num">{value}</span>
      <span className="stat-label">{label}</span>
    </div>
  );
}
