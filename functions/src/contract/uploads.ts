// POST /api/uploads (multipart/form-data: files, optional draftId) — files a signed-in person will attach
// to a dossier or a supplement; GET /api/uploads/:uploadId gives the bytes back to those entitled.
export type UploadedFile = { uploadId: string; fileName: string; contentType: string; size: number; sha256: string };
export type UploadAnswer = { uploads: UploadedFile[] };
