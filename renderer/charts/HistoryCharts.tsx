import { useMemo, useRef, useState } from 'react';
import type { HistoryScope } from '../../shared/model/history.js';
import { useRemembered } from '../state/useRemembered.js';
import { ChartPanel } from './ChartPanel.js';
import { MarkerList } from './MarkerList.js';
import { pointsForWidth } from './points.js';
import { DEFAULT_RANGE, isLiveRange, type ChartRange } from './ranges.js';
import { RangePicker } from './RangePicker.js';
import { chartSpecs } from './series.js';
import { useChartTheme } from './useChartTheme.js';
import { useHistory } from './useHistory.js';

type ChartId = 'depth' | 'rates' | 'consumers';

/**
 * A scope's charts over one shared range, with live/pause and the events
 * Warren saw. The range is remembered per page until reload.
 */
export function HistoryCharts({ scope, fileBase, charts, memoryKey }: { scope: HistoryScope; fileBase: string; charts: readonly ChartId[]; memoryKey: string }) {
  const theme = useChartTheme();
  const [range, setRange] = useRemembered<ChartRange>(`${memoryKey}.range`, DEFAULT_RANGE);
  const [paused, setPaused] = useState(false);
  const frame = useRef<HTMLDivElement>(null);
  const history = useHistory(scope, range, paused, () => pointsForWidth(frame.current?.clientWidth));
  const specs = useMemo(() => chartSpecs(theme), [theme]);
  const live = isLiveRange(range);
  return (
    <div className="history-charts" ref={frame}>
      <div className="history-charts__bar">
        <RangePicker range={range} onChange={setRange} />
        <button type="button" className="button button--small" aria-pressed={paused} disabled={!live} onClick={() => setPaused(!paused)} title={live ? undefined : 'A custom range is not live'}>
          {paused ? '▶ Resume live' : '❚❚ Pause'}
        </button>
        <span className={`history-charts__live${live && !paused ? ' is-live' : ''}`}>{!live ? 'Fixed range' : paused ? 'Paused' : 'Live'}</span>
        {history.result && !history.result.statsAvailable ? (
          <span className="history-charts__note">This broker reports no message statistics: rates are unavailable.</span>
        ) : null}
        {history.error ? (
          <span className="history-charts__note is-error" role="alert">
            History unavailable: {history.error}
          </span>
        ) : null}
      </div>
      <div className="history-charts__grid">
        {charts.map((id, i) => (
          <ChartPanel key={id} wide={i === 0 && charts.length % 2 === 1} spec={specs[id]} rows={history.rows} markers={history.markers} from={history.from} to={history.to} theme={theme} fileBase={fileBase} />
        ))}
      </div>
      <MarkerList markers={history.markers} />
    </div>
  );
}
