import { useEffect, useRef } from 'react';
import { BarChart, CustomChart, LineChart } from 'echarts/charts';
import { AxisPointerComponent, GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([LineChart, BarChart, CustomChart, GridComponent, TooltipComponent, AxisPointerComponent, MarkLineComponent, SVGRenderer]);

/**
 * An ECharts chart (SVG renderer: crisp, no canvas) sized by its container. Charts given the same `group` share
 * their hover: the axis pointer and tooltip follow the mouse across all of them. The chart itself is hidden from
 * assistive technology; every use puts a data table beside it.
 */
export function EChart({ option, group, height = 180, label }: { option: EChartsCoreOption; group?: string; height?: number; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = ref.current!;
    const instance = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = instance;
    if (group) {
      instance.group = group;
      echarts.connect(group);
    }
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => instance.resize());
    observer?.observe(el);
    return () => {
      observer?.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [group]);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={ref} className="echart" style={{ height }} aria-hidden="true" data-chart={label} />;
}
