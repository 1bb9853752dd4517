/** The <option>s of a <select>, from values and their labels. */
export function Options({ items }: { items: readonly { value: string; label: string }[] }) {
  return (
    <>
      {items.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </>
  );
}
