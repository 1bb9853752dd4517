'use client';

import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

/** Events stored per UTC day, as bars (from the store's manifest). */
export function EventsChart({ perDay }: { perDay: { Day: string; Events: number }[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current || !perDay.length) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: perDay.map((d) => d.Day), datasets: [{ label: 'Events', data: perDay.map((d) => d.Events), backgroundColor: '#1f6feb' }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: false } },
        scales: { y: { beginAtZero: true, title: { display: true, text: 'events' } } },
      },
    });
    return () => chart.destroy();
  }, [perDay]);
  if (!perDay.length) return <p className="acc-muted">No events stored yet.</p>;
  const total = perDay.reduce((n, d) => n + d.Events, 0);
  return (
    <figure className="lk-chart">
      <div className="lk-chart-canvas">
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Events per day: ${total.toLocaleString('en-US')} events over ${perDay.length} days, ${perDay[0].Day} to ${perDay.at(-1)!.Day}`}
        />
      </div>
      <figcaption className="acc-muted">Events per day (UTC), from the store&apos;s files</figcaption>
    </figure>
  );
}
