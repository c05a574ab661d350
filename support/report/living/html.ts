/** Text made safe for HTML element content and attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A URL fragment part from a name: lowercase words joined by dashes. */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) || 'x'
  );
}

/** "+10.000 s" on the scenario clock; hours and minutes when time was moved far. */
export function clockLabel(ms: number): string {
  if (ms >= 3_600_000) return `+${Math.floor(ms / 3_600_000)} h ${((ms % 3_600_000) / 60_000).toFixed(0)} min`;
  if (ms >= 60_000) return `+${Math.floor(ms / 60_000)} min ${((ms % 60_000) / 1000).toFixed(1)} s`;
  return `+${(ms / 1000).toFixed(3)} s`;
}
