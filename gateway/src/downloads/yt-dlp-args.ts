import { join } from 'node:path';

export const QUALITIES = ['best', '2160p', '1440p', '1080p', '720p', '480p', '360p'] as const;
export const FORMATS = ['mp4', 'webm', 'mkv'] as const;
export type Quality = (typeof QUALITIES)[number];
export type Container = (typeof FORMATS)[number];

/** yt-dlp's format selection for a quality: the best video up to that height with the best audio, else the best single file. */
function formatSpec(quality: Quality): string {
  if (quality === 'best') return 'bv*+ba/b';
  const height = quality.slice(0, -1);
  return `bv*[height<=${height}]+ba/b[height<=${height}]`;
}

const COMMON = ['--no-playlist', '--no-warnings', '--no-color', '--ignore-config'];

/**
 * argv for the metadata lookup. It asks for the same formats as the download so that `format_id`
 * says how many runs (video, then audio) the download will make.
 */
export function metadataArgs(link: string, quality: Quality, format: Container): string[] {
  return ['--dump-json', ...COMMON, '-f', formatSpec(quality), '--merge-output-format', format, '--', link];
}

/** argv for the download into the download's own folder; the link comes after `--`, so it can never be read as an option. */
export function downloadArgs(link: string, quality: Quality, format: Container, folder: string): string[] {
  return [
    '--newline', ...COMMON, '--no-mtime',
    '-f', formatSpec(quality),
    '--merge-output-format', format,
    '-o', join(folder, '%(id)s.%(ext)s'),
    '--', link,
  ];
}
