import { useTranslation } from 'react-i18next';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import { useFormat } from '../../i18n/format';

export interface IndicatorPoint {
  label: string;
  plan: number;
  fact: number | null;
  planText: string;
  factText: string;
}

/** Plan against fact of one indicator over periods (Recharts; loaded only with the sheet). */
export default function IndicatorChart({
  points,
  unit,
}: {
  points: IndicatorPoint[];
  unit: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="chart" data-testid="indicator-chart">
      <ResponsiveContainer width="100%" height={280}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#d9e2ec" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fill: '#3e4c59', fontSize: 12 }} minTickGap={12} />
          <YAxis
            tick={{ fill: '#3e4c59', fontSize: 12 }}
            tickFormatter={(value: number) => format.number(value)}
            width={48}
          />
          <Tooltip
            formatter={(_value, name, item) => {
              const point = item.payload as IndicatorPoint;
              const text = name === t('kpi.column.plan') ? point.planText : point.factText;
              return [`${text} ${unit}`, name];
            }}
          />
          <Legend />
          <Line
            type="monotone"
            dataKey="plan"
            name={t('kpi.column.plan')}
            stroke="#1f4e79"
            strokeWidth={2}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="fact"
            name={t('kpi.column.fact')}
            stroke="#0b7a4b"
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
