import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { ErrorState } from './error-state';

interface InnerProps {
  children: ReactNode;
  title: string;
  onReset: () => void;
}

class Boundary extends Component<InnerProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  reset = () => {
    this.props.onReset();
    this.setState({ error: null });
  };

  override render() {
    if (this.state.error) {
      return (
        <ErrorState
          title={this.props.title}
          message={this.state.error.message}
          onRetry={this.reset}
        />
      );
    }
    return this.props.children;
  }
}

/** One panel's failure stays in that panel; Retry re-renders it and refetches its queries. */
export function PanelErrorBoundary({
  children,
  title = 'This panel failed to render',
}: {
  children: ReactNode;
  title?: string;
}) {
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <Boundary title={title} onReset={reset}>
          {children}
        </Boundary>
      )}
    </QueryErrorResetBoundary>
  );
}
