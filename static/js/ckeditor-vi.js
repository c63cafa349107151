/* Corrections to CKEditor 5's Vietnamese translation (its vi.js is community
   work): loaded after it, before any editor is created (see portal/editor.py). */
(function (translations) {
  "use strict";
  var vi = translations.vi;
  if (!vi) return;
  Object.assign(vi.dictionary, {
    Redo: "Làm lại",
    "Rich Text Editor": "Trình soạn thảo",
    "Rich Text Editor. Editing area: %0": "Trình soạn thảo. Vùng soạn thảo: %0",
    "Editing area: %0": "Vùng soạn thảo: %0",
    "Change image text alternative": "Sửa mô tả thay thế của ảnh",
    "Text alternative": "Mô tả thay thế (cho người khiếm thị)",
    "Merge cells": "Gộp ô",
    "Bulleted List": "Danh sách gạch đầu dòng",
    "Image upload complete": "Đã tải ảnh lên",
    "Upload failed": "Tải lên không thành công",
    "Wrap text": "Văn bản bao quanh ảnh",
    "Break text": "Ngắt văn bản quanh ảnh",
    "In line": "Cùng dòng",
    "Image resize list": "Các cỡ ảnh",
    "Header column": "Cột tiêu đề",
    "Header row": "Hàng tiêu đề",
  });
})(window.CKEDITOR_TRANSLATIONS || (window.CKEDITOR_TRANSLATIONS = {}));
