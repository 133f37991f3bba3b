/* tslint:disable */
/* eslint-disable */
export * from './ActionsApi';
export * from './CaptureApi';
export * from './ContactsApi';
export * from './ImportAndExportApi';
export * from './InteractionsApi';
export * from './NetworkApi';
export * from './NudgesApi';
export * from './ScoresApi';
export * from './SettingsApi';
export * from './WebhooksApi';
