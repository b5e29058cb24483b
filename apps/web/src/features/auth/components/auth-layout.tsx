import { appUrl } from '@/lib/base-path';
import { Moon, Sun } from 'lucide-react';
import type { ReactNode } from 'react';
import { IconButton } from '@/components/ui/button';
import { useTheme } from '@/hooks/use-theme';

/** The logged-out pages: Berth's mark, one card, the theme switch. */
export function AuthLayout({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  const { theme, toggle } = useTheme();
  const next = theme === 'dark' ? 'light' : 'dark';
  return (
    <div className="relative flex min-h-full flex-col items-center justify-center px-4 py-12">
      <div className="absolute top-3 right-3">
        <IconButton aria-label={`Switch to ${next} theme`} onClick={toggle}>
          {theme === 'dark' ? <Sun className="size-4" /> : <Moon className="size-4" />}
        </IconButton>
      </div>
      <main className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2.5">
          <img src={appUrl('/favicon.svg')} alt="" className="size-8" />
          <span className="text-[19px] font-semibold tracking-tight text-fg">Berth</span>
        </div>
        <div className="rounded-xl border border-line bg-panel px-6 pt-5 pb-6 shadow-sm">
          <h1 className="text-[16px] font-semibold text-fg">{title}</h1>
          {description && <div className="mt-1 text-[13px] text-muted">{description}</div>}
          <div className="mt-5">{children}</div>
        </div>
      </main>
    </div>
  );
}
