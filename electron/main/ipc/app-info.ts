/** 'app:info': what the about box and the workpaper footers print. */
import type { ChannelHandler } from './handle';

export interface AppInfoDeps {
  app: { getVersion(): string };
  /** `process.versions.electron` */
  electronVersion: string;
}

export function appInfo(deps: AppInfoDeps): ChannelHandler<'app:info'> {
  return () => ({
    version: deps.app.getVersion(),
    host: 'electron',
    hostVersion: deps.electronVersion,
  });
}
