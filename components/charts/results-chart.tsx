'use client';

import { useEffect, useMemo, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type Plugin,
} from 'chart.js';
import { chartFor, type ChartSpec } from './chart-data';
import { formatTick, spanOf } from './time-ticks';

// Only what the two chart kinds draw: tree-shaken chart.js, no date adapter (x is epoch ms).
Chart.register(LineController, LineElement, PointElement, BarController, BarElement, LinearScale, CategoryScale, Tooltip, Legend);

const COLORS = ['#1f6feb', '#d1495b', '#2a9d8f', '#e9a23b', '#7b61ff', '#5c677d', '#c05299', '#3a86ff'];

/** PNGs get a white background (the canvas itself is transparent). */
const whiteBackground: Plugin = {
  id: 'tbWhiteBackground',
  beforeDraw: (chart) => {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.globalCompositeOperation = 'destination-over';
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

interface ResultsChartProps {
  columns: string[];
  rows: string[][];
  /** Row numbers of the page, for the caption. */
  first: number;
  last: number;
}

/** A chart of the loaded page: a time series when there is a time column, bars for a category and a number. */
export function ResultsChart({ columns, rows, first, last }: ResultsChartProps) {
  const spec = useMemo(() => chartFor(columns, rows), [columns, rows]);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<Chart | null>(null);

  useEffect(() => {
    if (!spec || !canvasRef.current) return;
    const chart = new Chart(canvasRef.current, configFor(spec));
    chartRef.current = chart;
    return () => {
      chart.destroy();
      chartRef.current = null;
    };
  }, [spec]);

  if (!spec) {
    return (
      <div className="chart-empty muted" role="status">
        No chart for these columns: a chart needs a time column (with numbers, or counted per time bucket) or a text column (with or without a number).
      </div>
    );
  }

  const downloadPng = () => {
    const chart = chartRef.current;
    if (!chart) return;
    const a = document.createElement('a');
    a.href = chart.toBase64Image('image/png', 1);
    a.download = `trailbench-chart-${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}.png`;
    a.click();
  };

  const caption = `${spec.title} — rows ${first.toLocaleString('en-US')}–${last.toLocaleString('en-US')} (this page)${spec.skipped ? `, ${spec.skipped} rows without a value left out` : ''}`;
  return (
    <figure className="results-chart">
      <div className="chart-toolbar">
        <figcaption>{caption}</figcaption>
        <button type="button" className="btn btn-small" onClick={downloadPng}>
          Download PNG
        </button>
      </div>
      <div className="chart-canvas">
        <canvas ref={canvasRef} role="img" aria-label={`${spec.kind === 'time' ? 'Time series' : 'Bar chart'}: ${spec.title}`}>
          {spec.title}
        </canvas>
      </div>
    </figure>
  );
}

function configFor(spec: ChartSpec): ChartConfiguration {
  const datasets = spec.series.map((s, i) => ({
    label: s.label,
    data: s.points.map(([x, y]) => ({ x, y })),
    borderColor: COLORS[i % COLORS.length],
    backgroundColor: COLORS[i % COLORS.length],
    borderWidth: spec.kind === 'time' ? 1.5 : 0,
    pointRadius: spec.kind === 'time' && s.points.length < 80 ? 2 : 0,
  }));
  const common = { responsive: true, maintainAspectRatio: false, animation: false as const, plugins: { legend: { display: spec.series.length > 1 } } };
  if (spec.kind === 'bar') {
    return {
      type: 'bar',
      data: { labels: spec.categories, datasets: datasets.map((d) => ({ ...d, data: d.data.map((p) => p.y) })) },
      options: { ...common, scales: { y: { beginAtZero: true, title: { display: true, text: spec.yLabel } } } },
      plugins: [whiteBackground],
    };
  }
  const span = spanOf(spec.series.flatMap((s) => s.points.map((p) => p[0])));
  return {
    type: 'line',
    data: { datasets },
    options: {
      ...common,
      parsing: false,
      scales: {
        x: {
          type: 'linear',
          title: { display: true, text: `${spec.xColumn} (UTC)` },
          ticks: { callback: (v) => formatTick(Number(v), span), maxTicksLimit: 10 },
        },
        y: { beginAtZero: true, title: { display: true, text: spec.yLabel } },
      },
      plugins: { ...common.plugins, tooltip: { callbacks: { title: (items) => (items[0] ? formatTick(items[0].parsed.x ?? 0, 0) : '') } } },
    },
    plugins: [whiteBackground],
  };
}
