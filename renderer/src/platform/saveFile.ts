// Saves text the user asked for (an audit CSV) through the browser's download link: a Blob URL
// on an <a download>, clicked, then released. Nothing leaves the workstation.
export type SaveFile = (fileName: string, content: string, mimeType: string) => void;

export const downloadTextFile: SaveFile = (fileName, content, mimeType) => {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    // The download has started from the click; release the Blob once the browser has taken it.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
};
