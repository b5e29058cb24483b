import { AlertTriangle, RotateCw } from 'lucide-react';
import { cn } from '@/lib/cn';
import { Button } from './button';

export interface ErrorStateProps {
  title?: string;
  /** The engine's or gateway's own message, shown as is. */
  message: string;
  onRetry?: () => void;
  retrying?: boolean;
  className?: string;
}

export function ErrorState({
  title = 'Something went wrong',
  message,
  onRetry,
  retrying,
  className,
}: ErrorStateProps) {
  return (
    <div
      role="alert"
      className={cn('flex flex-col items-start gap-3 px-5 py-6 text-[13px]', className)}
    >
      <div className="flex items-center gap-2 font-medium text-fg">
        <AlertTriangle className="size-4 text-danger" aria-hidden />
        {title}
      </div>
      <p className="max-w-prose font-mono text-[12.5px] break-words text-muted">{message}</p>
      {onRetry && (
        <Button
          size="sm"
          onClick={onRetry}
          loading={retrying}
          icon={<RotateCw className="size-3.5" />}
        >
          Retry
        </Button>
      )}
    </div>
  );
}
