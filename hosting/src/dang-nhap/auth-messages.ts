// What Firebase Authentication's refusals mean to the person, in Vietnamese and English. The codes are the
// web SDK's (`auth/...`); anything unknown is a generic retry message, never a raw code.
import type { Bilingual } from '../shared/api.js';

const MESSAGES: Record<string, Bilingual> = {
  'auth/invalid-credential': { vi: 'Email hoặc mật khẩu không đúng.', en: 'Wrong email or password.' },
  'auth/wrong-password': { vi: 'Email hoặc mật khẩu không đúng.', en: 'Wrong email or password.' },
  'auth/user-not-found': { vi: 'Email hoặc mật khẩu không đúng.', en: 'Wrong email or password.' },
  'auth/invalid-email': { vi: 'Địa chỉ email không hợp lệ.', en: 'The email address is not valid.' },
  'auth/email-already-in-use': { vi: 'Email này đã có tài khoản. Hãy đăng nhập, hoặc dùng “Quên mật khẩu”.', en: 'This email already has an account. Sign in, or use “Forgot password”.' },
  'auth/weak-password': { vi: 'Mật khẩu quá yếu: cần ít nhất 8 ký tự.', en: 'The password is too weak: use at least 8 characters.' },
  'auth/too-many-requests': {
    vi: 'Bạn đã thử quá nhiều lần. Vì an toàn, hãy đợi vài phút rồi thử lại.',
    en: 'Too many attempts. For your safety, wait a few minutes and try again.',
  },
  'auth/quota-exceeded': { vi: 'Hệ thống đang gửi quá nhiều mã. Vui lòng thử lại sau.', en: 'Too many codes are being sent. Please try again later.' },
  'auth/invalid-phone-number': { vi: 'Số điện thoại không hợp lệ. Ví dụ: 0912 345 678.', en: 'The phone number is not valid. Example: 0912 345 678.' },
  'auth/missing-phone-number': { vi: 'Nhập số điện thoại di động.', en: 'Enter your mobile number.' },
  'auth/invalid-verification-code': { vi: 'Mã xác thực không đúng. Kiểm tra tin nhắn và nhập lại 6 chữ số.', en: 'Wrong verification code. Check the text message and enter the 6 digits again.' },
  'auth/missing-verification-code': { vi: 'Nhập mã xác thực gồm 6 chữ số.', en: 'Enter the 6-digit verification code.' },
  'auth/code-expired': { vi: 'Mã xác thực đã hết hạn. Bấm “Gửi lại mã”.', en: 'The verification code has expired. Press “Send the code again”.' },
  'auth/invalid-action-code': {
    vi: 'Liên kết đã hết hạn hoặc đã được dùng. Hãy yêu cầu gửi lại thư.',
    en: 'This link has expired or was already used. Ask for a new email.',
  },
  'auth/expired-action-code': { vi: 'Liên kết đã hết hạn. Hãy yêu cầu gửi lại thư.', en: 'This link has expired. Ask for a new email.' },
  'auth/user-disabled': { vi: 'Tài khoản đã bị khóa. Liên hệ Bộ phận Một cửa.', en: 'This account is suspended. Contact the one-stop desk.' },
  'auth/network-request-failed': { vi: 'Không kết nối được. Kiểm tra mạng rồi thử lại.', en: 'No connection. Check your network and try again.' },
};

export function authMessage(err: unknown): Bilingual {
  const code = (err as { code?: unknown } | null)?.code;
  return (typeof code === 'string' && MESSAGES[code]) || { vi: 'Không thực hiện được, vui lòng thử lại.', en: 'That did not work; please try again.' };
}
