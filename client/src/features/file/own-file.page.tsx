import { Navigate } from 'react-router';

import { useMe } from '../../app/session';
import { FileView } from './file-view';

/** The viewer's own personal file. */
export function OwnFilePage() {
  const { employeeId } = useMe();
  if (!employeeId) return <Navigate to="/" replace />;
  return <FileView employeeId={employeeId} basePath="/file" />;
}
