import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorState } from '../../components/error-state';

/** A route that failed to load (e.g. a chunk after a deploy): say so and offer a reload. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return (
    <div className="page">
      <ErrorState message={message} onRetry={() => window.location.reload()} />
    </div>
  );
}
