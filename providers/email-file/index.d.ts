import type { SendMailOptions } from 'nodemailer';

export interface ProviderOptions {
  /** Folder for the .eml files; created when missing. Default: .tmp/mail (from the working directory). */
  dir?: string;
}

export interface Settings {
  defaultFrom?: string;
  defaultReplyTo?: string;
  /** Receives the one-line notice per mail; default strapi.log, else console. */
  logger?: { info(message: string): void };
}

export interface SendResult {
  envelope: { from: string | false; to: string[] };
  messageId: string;
  /** Absolute path of the written .eml file. */
  file: string;
}

declare const provider: {
  init(
    providerOptions?: ProviderOptions,
    settings?: Settings
  ): {
    send(options: SendMailOptions): Promise<SendResult>;
    verify(): Promise<true>;
  };
};

export = provider;
