"""The words of ``smartsync draft`` in English and Indonesian (registered with :mod:`smartsync.messages`)."""

from __future__ import annotations

from .. import messages

EN = {
    "draft.reason.filled-above": "its {level} came from a cell above (a merged cell or a blank)",
    "draft.reason.across-page": "its {level} came from the previous page's table",
    "draft.reason.code-shape": "the code {code} does not have the nomenclature's shape (like 2.16.02)",
    "draft.reason.pagu-total": "the yearly pagu add up to {sum}, not to the total column's {total}",
    "draft.reason.numbering": "a gap or repeat in the numbering ({number} after {previous})",
    "draft.reason.no-parent": "no {level} found above it",
    "draft.reason.no-budget": "no pagu indikatif found",
    "draft.reason.continued": "read from a table continued without its header",
    "draft.unplaced": "{where}: {count} {level} under no {parent}",
    "draft.no-period": "no period found in the {plan} documents (a title \"... Tahun 2021-2026\" or yearly pagu columns); give it with --{plan}-period START-END",
    "draft.nothing": "no plan elements found in the {plan} documents",
    "draft.review.title": "Draft of {name}: review",
    "draft.review.intro": "{count} elements drafted from {files}. Lowest confidence first: check each against its source, then correct the region file.",
    "draft.review.unplaced": "Not placed",
    "draft.review.confidence": "confidence",
    "draft.review.source": "source",
    "draft.review.reasons": "why not sure",
    "draft.review.parents": "under",
    "draft.review.hierarchy": "The drafted hierarchy",
    "draft.review.plan": "plan",
    "draft.review.level": "level",
    "draft.review.id": "id",
    "draft.review.text": "text",
    "draft.review.code": "code",
    "draft.review.budget": "budget (Rp)",
}

ID = {
    "draft.reason.filled-above": "{level} diambil dari sel di atasnya (sel gabungan atau kosong)",
    "draft.reason.across-page": "{level} dibawa dari tabel halaman sebelumnya",
    "draft.reason.code-shape": "kode {code} tidak berbentuk kode nomenklatur (seperti 2.16.02)",
    "draft.reason.pagu-total": "jumlah pagu per tahun {sum}, bukan {total} seperti kolom total",
    "draft.reason.numbering": "penomoran melompat atau berulang ({number} sesudah {previous})",
    "draft.reason.no-parent": "tidak ditemukan {level} di atasnya",
    "draft.reason.no-budget": "pagu indikatif tidak ditemukan",
    "draft.reason.continued": "dibaca dari tabel lanjutan tanpa judul kolom",
    "draft.unplaced": "{where}: {count} {level} tanpa {parent}",
    "draft.no-period": "periode tidak ditemukan dalam dokumen {plan} (judul \"... Tahun 2021-2026\" atau kolom pagu per tahun); berikan dengan --{plan}-period AWAL-AKHIR",
    "draft.nothing": "tidak ditemukan unsur rencana dalam dokumen {plan}",
    "draft.review.title": "Draf {name}: tinjauan",
    "draft.review.intro": "{count} unsur didraf dari {files}. Keyakinan terendah lebih dulu: periksa setiap unsur terhadap sumbernya, lalu perbaiki berkas wilayah.",
    "draft.review.unplaced": "Tidak dapat ditempatkan",
    "draft.review.confidence": "keyakinan",
    "draft.review.source": "sumber",
    "draft.review.reasons": "alasan ragu",
    "draft.review.parents": "di bawah",
    "draft.review.hierarchy": "Hierarki hasil draf",
    "draft.review.plan": "rencana",
    "draft.review.level": "tingkat",
    "draft.review.id": "id",
    "draft.review.text": "teks",
    "draft.review.code": "kode",
    "draft.review.budget": "pagu (Rp)",
}

messages.register("en", EN)
messages.register("id", ID)
