import './card.css';

/** A titled panel, the basic building block of every screen. */
export function Card({ title, children, aside }: { title: string; children: React.ReactNode; aside?: React.ReactNode }) {
  return (
    <section className="card" aria-label={title}>
      <header className="card__header">
        <h2 className="card__title">{title}</h2>
        {aside}
      </header>
      <div className="card__body">{children}</div>
    </section>
  );
}
