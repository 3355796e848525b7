/**
 * The candle chart (lightweight-charts): price candles above, quote volume below. Prices are
 * charted per 10^scale tokens (`chartScale`): the chart library loses precision on prices
 * like 3e-8, and shifting a decimal string is exact.
 */
import { formatAmount } from "@agentpad/sdk";
import {
  CandlestickSeries, ColorType, HistogramSeries, type IChartApi, type UTCTimestamp, createChart,
} from "lightweight-charts";

import type { Candle, Interval } from "../api.js";
import { chartScale, pricePrecision, shiftDecimal } from "../format.js";
import { expose } from "../hooks.js";

const css = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

export interface CandleChart {
  /** Shows `candles`; returns the power of ten the prices are charted per. */
  set(mint: string, interval: Interval, candles: Candle[], quoteDecimals: number): number;
  destroy(): void;
}

export function candleChart(container: HTMLElement): CandleChart {
  const chart: IChartApi = createChart(container, {
    autoSize: true,
    layout: { background: { type: ColorType.Solid, color: "transparent" }, textColor: css("--fg") || "#222", attributionLogo: false },
    grid: { vertLines: { color: css("--grid") || "#eee" }, horzLines: { color: css("--grid") || "#eee" } },
    timeScale: { timeVisible: true, secondsVisible: false },
  });
  const prices = chart.addSeries(CandlestickSeries, {
    upColor: "#1a9e5c", downColor: "#d2463c", borderVisible: false, wickUpColor: "#1a9e5c", wickDownColor: "#d2463c",
  });
  const volume = chart.addSeries(HistogramSeries, { priceFormat: { type: "volume" }, color: "#7d8da1" }, 1);
  chart.panes()[1]?.setHeight(80);

  return {
    set(mint, interval, candles, quoteDecimals) {
      const scale = chartScale(candles.map((c) => c.low));
      const at = (price: string) => Number(shiftDecimal(price, scale));
      const precision = pricePrecision(candles.map((c) => shiftDecimal(c.low, scale)));
      prices.applyOptions({ priceFormat: { type: "price", precision, minMove: 10 ** -precision } });
      prices.setData(candles.map((c) => ({ time: c.time as UTCTimestamp, open: at(c.open), high: at(c.high), low: at(c.low), close: at(c.close) })));
      volume.setData(candles.map((c) => ({
        time: c.time as UTCTimestamp, value: Number(formatAmount(BigInt(c.volumeQuote), quoteDecimals)),
        color: at(c.close) >= at(c.open) ? "#1a9e5c80" : "#d2463c80",
      })));
      chart.timeScale().fitContent();
      expose("candles", { mint, interval, scale, source: candles, series: [...prices.data()], volume: [...volume.data()] });
      return scale;
    },
    destroy: () => chart.remove(),
  };
}
