import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Filler,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'react';

// Only the pieces these two charts use (chart.js is tree-shaken; this module is loaded on officer pages only).
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend, Filler);

/** Draws `config` on a canvas; redraws only when `key` (the data) changes. */
function useChart(config: ChartConfiguration, key: string) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!canvas.current) return;
    chart.current?.destroy();
    chart.current = new Chart(canvas.current, config);
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return canvas;
}

const GREEN = '#2f6b3a';
const AMBER = '#d9a21b';

export function BarChart({ labels, values, label, format }: { labels: string[]; values: number[]; label: string; format(v: number): string }) {
  const canvas = useChart({
    type: 'bar',
    data: { labels, datasets: [{ label, data: values, backgroundColor: GREEN, borderRadius: 4 }] },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => format(Number(c.raw)) } } },
      scales: { x: { ticks: { callback: (v) => format(Number(v)) }, beginAtZero: true } },
    },
  }, JSON.stringify([labels, values, label]));
  return (
    <div className="chart" style={{ height: Math.max(160, labels.length * 34 + 40) }}>
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

export function TrendChart(props: { labels: string[]; current: number[]; previous: number[]; currentLabel: string; previousLabel: string; title: string; format(v: number): string }) {
  const canvas = useChart({
    type: 'line',
    data: {
      labels: props.labels,
      datasets: [
        { label: props.currentLabel, data: props.current, borderColor: GREEN, backgroundColor: 'rgba(47,107,58,0.12)', fill: true, tension: 0.25 },
        { label: props.previousLabel, data: props.previous, borderColor: AMBER, borderDash: [6, 4], backgroundColor: AMBER, tension: 0.25 },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      plugins: { tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${props.format(Number(c.raw))}` } } },
      scales: { y: { beginAtZero: true, ticks: { callback: (v) => props.format(Number(v)) } } },
    },
  }, JSON.stringify([props.labels, props.current, props.previous, props.currentLabel]));
  return (
    <div className="chart" style={{ height: 260 }} data-testid="trend-chart" data-labels={props.labels.join(',')}>
      <canvas ref={canvas} role="img" aria-label={props.title} />
    </div>
  );
}
