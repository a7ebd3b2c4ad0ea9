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

export interface ChartPoint {
  label: string;
  gross: number;
  net: number;
  grossText: string;
  netText: string;
}

/** Gross and net pay over time (Recharts; loaded only on the payslips page). */
export default function SalaryChart({ points }: { points: ChartPoint[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="chart" data-testid="salary-chart">
      <ResponsiveContainer width="100%" height={300}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid stroke="#d9e2ec" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fill: '#3e4c59', fontSize: 12 }} minTickGap={12} />
          <YAxis
            tick={{ fill: '#3e4c59', fontSize: 12 }}
            tickFormatter={(value: number) => format.moneyCompact(value)}
            width={56}
          />
          <Tooltip
            formatter={(_value, name, item) => {
              const point = item.payload as ChartPoint;
              return [name === t('payroll.gross') ? point.grossText : point.netText, name];
            }}
          />
          <Legend />
          <Line
            type="monotone"
            dataKey="gross"
            name={t('payroll.gross')}
            stroke="#1f4e79"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="net"
            name={t('payroll.net')}
            stroke="#0b7a4b"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
