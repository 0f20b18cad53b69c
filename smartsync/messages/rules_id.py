"""Deskripsi aturan dalam bahasa Indonesia, menurut nama aturan.

The Indonesian description of each rule of smartsync's packs (the default packs
and the registered variants), keyed by rule name; the English description is
the rule's docstring. A test checks that every rule has one and that each uses
the glossary's terms (``docs/glossary.rst``). A rule pack of your own adds its
descriptions with :func:`smartsync.messages.register_rules`.
"""

RULES = {
    # unsur dan padanan
    "relation_not_counted": "Menyimpulkan bahwa sebuah padanan tidak dihitung: relasinya tidak termasuk relasi yang dihitung pada tahap unsur masterplannya (lihat relasi pada parameter).",
    "element_synchronized": "Menyimpulkan bahwa sebuah unsur masterplan pada suatu tahap tersinkronisasi oleh salah satu padanannya: padanan itu menautkannya dengan unsur RPJMD pada tingkat yang sama, dan tidak ada aturan yang menolak padanan itu (relasinya dihitung pada tahap itu, dan setiap syarat varian terpenuhi).",
    "element_unsynchronized": "Menyimpulkan bahwa sebuah unsur masterplan pada suatu tahap tidak tersinkronisasi: tidak ada padanannya yang dihitung. Aturan ini mengumpulkan padanan unsur itu yang ditolak, masing-masing dengan syarat yang tidak dipenuhinya (tidak ada bila unsur itu sama sekali tidak memiliki padanan).",
    # varian: program dengan pagu
    "program_without_budget": "Menyimpulkan bahwa padanan sebuah program masterplan tidak dihitung: program RPJMD padanannya tidak memiliki pagu indikatif, atau pagunya nol, sehingga padanan itu tidak memberi jalur pendanaan APBD.",
    # varian: pohon kinerja (cascading)
    "parent_is_ancestor": "Menyimpulkan bahwa induk sebuah unsur RPJMD adalah salah satu unsur di atasnya dalam pohon kinerja.",
    "ancestor_of_ancestor": "Menyimpulkan bahwa induk dari unsur di atas sebuah unsur RPJMD juga berada di atasnya dalam pohon kinerja.",
    "below_a_present_stage": "Menyimpulkan bahwa suatu tahap berada di bawah tahap teratas masterplan: masterplan memuat unsur pada tahap tepat di atasnya.",
    "below_an_absent_stage": "Menyimpulkan bahwa suatu tahap berada di bawah tahap teratas masterplan: tahap tepat di atasnya tidak ada dalam masterplan, dan tahap itu sendiri berada di bawah tahap teratas.",
    "parent_matched_to_ancestor": "Menyimpulkan bahwa sebuah padanan sesuai dengan kedua hierarki: salah satu induk unsur masterplan dipadankan dengan unsur di atas padanan RPJMD-nya dalam pohon kinerja.",
    "no_parent": "Menyimpulkan bahwa sebuah padanan tidak dihitung: unsur itu berada di bawah tahap teratas masterplan dan tidak menyebut induk, sehingga tempatnya dalam hierarki tidak dapat diperiksa.",
    "parent_matched": "Menyimpulkan bahwa induk sebuah unsur masterplan dipadankan (dengan padanan apa pun): masterplan menyatakan letak unsur itu dalam pohon kinerja RPJMD, dan padanan unsur itu sendiri harus sesuai dengannya.",
    "cascade_broken": "Menyimpulkan bahwa sebuah padanan tidak dihitung: unsur itu berada di bawah tahap teratas masterplan, induknya dipadankan, tetapi tidak ada induknya yang dipadankan dengan unsur di atas padanannya dalam pohon kinerja RPJMD (masterplan menempatkannya di tempat yang bukan tempat padanannya). Unsur yang semua induknya tidak dipadankan tidak ditolak: sinkronisasi dimulai darinya.",
    # tahap
    "stage_coverage": "Menghitung unsur masterplan yang tersinkronisasi pada tahap yang dimuat masterplan. Sebuah unsur tersinkronisasi bila salah satu padanannya menautkannya dengan unsur RPJMD pada tingkat yang sama melalui relasi yang dihitung. Cakupan adalah jumlah unsur yang tersinkronisasi dibagi jumlah unsur tahap itu.",
    "stage_absent": "Mencatat bahwa masterplan tidak memuat unsur pada suatu tahap. Tahap yang tidak ada tidak dihitung dan tidak memutus rantai: tahap itu dilaporkan tidak ada, tanpa apa pun untuk dicakup.",
    "stage_synchronized": "Menyimpulkan bahwa suatu tahap tersinkronisasi: cakupannya mencapai ambangnya (termasuk sama dengan). Penuh bila setiap unsur masterplan pada tahap itu tersinkronisasi, sebagian bila tidak.",
    "stage_not_synchronized": "Menyimpulkan bahwa tahap yang ada tidak tersinkronisasi: cakupannya di bawah ambangnya.",
    "stage_absent_status": "Menyimpulkan bahwa tahap yang tidak ada tidak tersinkronisasi; karena tidak ada, tahap itu tidak memutus rantai.",
    # tipologi
    "chain_break": "Menyimpulkan bahwa rantai dari tahap yang tersinkronisasi putus pada tahap di bawahnya yang ada tetapi tidak tersinkronisasi: dalam tipologi bawaan tahap atas itu tidak dapat menentukan tipe; sebuah temuan melaporkannya sebagai tersinkronisasi di atas rantai yang putus.",
    "chain_holds_at_base": "Menyimpulkan bahwa rantai utuh dari tahap dasar (program): tahap itu tersinkronisasi.",
    "chain_holds_through": "Menyimpulkan bahwa rantai utuh dari suatu tahap: tahap itu tersinkronisasi (atau tidak ada dalam masterplan, yang tidak dihitung dan tidak memutus rantai) dan rantai utuh dari tahap berikutnya di bawahnya.",
    "vision_synchronized_in_part": "Menyimpulkan bahwa sinkronisasi tidak dapat dimulai pada visi bila masterplan memuat lebih dari satu visi dan hanya sebagian yang tersinkronisasi: satu rencana memiliki satu visi, sehingga bagian visi yang mencapai ambang tidak menjadikan visi masterplan dirumuskan dari visi RPJMD (sering kali salah satunya visi RPJMD yang dikutip). Bila setiap visinya tersinkronisasi, visi dapat memulai tipe.",
    "visions_in_part_from_rpjmd": "Menyimpulkan bahwa masterplan memuat lebih dari satu visi, sebagian tersinkronisasi dengan (dirumuskan dari) visi RPJMD dan sebagian tidak: satu rencana memiliki satu visi, sehingga masterplan tidak dapat disebut merumuskan visinya sendiri maupun merumuskannya dari visi RPJMD.",
    "masterplan_visions": "Melaporkan masterplan yang memuat lebih dari satu visi: satu rencana memiliki satu visi (sering kali visi RPJMD dikutip dalam masterplan dan terdraf sebagai visi tersendiri), sehingga perlu ditinjau: simpan visi masterplan sendiri dan hapus yang lain.",
    "rpjmd_visions": "Melaporkan RPJMD yang memuat lebih dari satu visi: satu rencana memiliki satu visi (yang ditetapkan dalam Perda), sehingga perlu ditinjau: simpan visi itu dan hapus yang lain.",
    "chain_intact": "Menyimpulkan bahwa sinkronisasi dapat dimulai pada suatu tahap: tahap itu tersinkronisasi dan rantai utuh darinya sampai ke tahap dasar.",
    "chain_superseded": "Menyimpulkan bahwa rantai utuh dari suatu tahap merupakan bagian dari rantai utuh tahap yang lebih tinggi, sehingga sinkronisasi tidak dimulai padanya.",
    "type_from_highest_intact_chain": "Menyimpulkan tipe: sinkronisasi dimulai pada tahap tertinggi yang rantainya sampai ke tahap dasar utuh.",
    "type_unsynchronized": "Menyimpulkan bahwa daerah tidak tersinkronisasi: tahap dasarnya (program) tidak tersinkronisasi, sehingga masterplan tidak punya jalur pendanaan APBD.",
    "chain_start_member": "Memasukkan tahap tempat sinkronisasi dimulai ke dalam rantai yang tersinkronisasi.",
    "chain_lower_member": "Memasukkan setiap tahap yang ada dan tersinkronisasi di bawah tahap awal ke dalam rantai yang tersinkronisasi.",
    # tipologi tahap pertama yang tersinkronisasi
    "stage_outranked": "Menyimpulkan bahwa tahap yang tersinkronisasi memiliki tahap tersinkronisasi di atasnya, sehingga sinkronisasi tidak dimulai padanya.",
    "type_from_first_synchronized_stage": "Menyimpulkan tipe: sinkronisasi dimulai pada tahap tertinggi yang tersinkronisasi.",
    "type_unsynchronized_no_stage": "Menyimpulkan bahwa daerah tidak tersinkronisasi: tidak ada satu tahap pun yang tersinkronisasi.",
    "first_stage_member": "Memasukkan tahap tempat sinkronisasi dimulai ke dalam rantai yang tersinkronisasi.",
    "lower_synchronized_member": "Memasukkan setiap tahap tersinkronisasi di bawah tahap awal ke dalam rantai yang tersinkronisasi.",
    # karakteristik
    "start_stage": "Menyimpulkan tahap tempat sinkronisasi dimulai: tahap tipe itu.",
    "vision_from_rpjmd": "Menyimpulkan bahwa masterplan tidak merumuskan visinya sendiri: visinya tersinkronisasi dengan (dirumuskan dari) visi RPJMD.",
    "own_vision": "Menyimpulkan bahwa masterplan merumuskan visi smart city-nya sendiri: masterplan memuat visi, visi itu tidak tersinkronisasi dengan visi RPJMD, dan tidak dipadankan dengannya melalui padanan yang tidak dihitung.",
    "vision_matched_not_counted": "Menyimpulkan bahwa visi masterplan dipadankan dengan visi RPJMD, tetapi melalui padanan yang tidak dihitung menurut aturan (relasi yang tidak dihitung pada tahap visi, syarat suatu varian): berkas mencatatnya sebagai berasal dari visi RPJMD, dan visi tetap tidak tersinkronisasi. Angkanya menyebut visi RPJMD dan relasi padanan itu.",
    "no_vision": "Menyimpulkan bahwa masterplan sama sekali tidak memuat visi.",
    "integration_full": "Menyimpulkan integrasi penuh: sinkronisasi dimulai pada tahap teratas dan setiap tahap dalam rantai tersinkronisasi penuh, sehingga masterplan dirumuskan dari RPJMD pada setiap tahap.",
    "integration_broken": "Menyimpulkan integrasi hanya pada tahap awal: sinkronisasi dimulai pada suatu tahap di atas program, tetapi rantai darinya putus pada tahap di bawahnya yang ada tetapi tidak tersinkronisasi (varian yang menentukan tipe dari tahap tersinkronisasi pertama membolehkannya), sehingga masterplan tidak dirumuskan dari RPJMD mulai dari tahap itu ke bawah.",
    "integration_high": "Menyimpulkan integrasi tinggi: sinkronisasi dimulai satu tahap di bawah tahap teratas; masterplan hanya mempertahankan visinya sendiri.",
    "integration_partial": "Menyimpulkan integrasi sebagian: masterplan memiliki visi dan misi sendiri dan bertemu dengan RPJMD mulai dari tahap yang lebih rendah (misalnya sasaran).",
    "integration_low": "Menyimpulkan integrasi lemah: kedua rencana hanya bertemu pada tahap dasar (program); tidak ada tahap lain yang tersinkronisasi.",
    "integration_none": "Menyimpulkan bahwa kedua rencana tidak terintegrasi: program pun tidak tersinkronisasi.",
    "legitimacy_from_rpjmd": "Menyimpulkan bahwa masterplan memperoleh legitimasinya dari RPJMD (Perda): masterplan menjabarkan RPJMD dari suatu tahap strategis sampai ke program.",
    "legitimacy_from_rpjmd_broken": "Menyimpulkan bahwa masterplan mengambil tahap awalnya dari RPJMD (Perda), tetapi tidak menjabarkannya sampai ke program: rantainya putus pada tahap di bawahnya yang ada tetapi tidak tersinkronisasi (varian yang menentukan tipe dari tahap tersinkronisasi pertama membolehkannya).",
    "legitimacy_own": "Menyimpulkan bahwa masterplan bertumpu pada dasar hukumnya sendiri (Perwal atau Perbup): hanya programnya yang berakar pada RPJMD.",
    "legitimacy_none": "Menyimpulkan bahwa masterplan tidak berakar pada RPJMD.",
    "funding_through_rpjmd": "Menyimpulkan bahwa masterplan didanai melalui RPJMD: programnya mengikuti sasaran dan program RPJMD, dan setiap programnya tersinkronisasi, sehingga masuk ke RKPD dan APBD sebagai program RPJMD.",
    "funding_program_by_program": "Menyimpulkan bahwa masterplan didanai per program: sinkronisasi dimulai pada tahap dasar, sehingga hanya programnya yang tersinkronisasi dengan program RPJMD yang dapat didanai APBD.",
    "funding_periods_apart": "Menyimpulkan bahwa masterplan tidak punya jalur pendanaan APBD pada tahun-tahunnya sendiri, walaupun sebagian programnya tersinkronisasi: aturan pendanaan menyimpulkan bahwa periode RPJMD tidak beririsan dengan periode masterplan.",
    "funding_none": "Menyimpulkan bahwa masterplan tidak punya jalur pendanaan APBD: APBD hanya mendanai yang mendukung RPJMD, dan tidak ada program masterplan yang tersinkronisasi.",
    "exposure_vision": "Menyimpulkan kerentanan tinggi terhadap pergantian kepala daerah: masterplan yang terikat pada visi RPJMD harus direvisi setiap ada RPJMD baru.",
    "exposure_mission": "Menyimpulkan kerentanan tinggi terhadap pergantian kepala daerah: misi RPJMD adalah misi kepala daerah terpilih, sehingga masterplan yang terikat padanya harus direvisi setiap ada RPJMD baru.",
    "exposure_medium": "Menyimpulkan kerentanan sedang: masterplan mempertahankan visi dan misinya sendiri (tidak satu pun tersinkronisasi), tetapi tahap di bawahnya mengikuti unsur RPJMD yang dapat diubah oleh RPJMD baru.",
    "exposure_low": "Menyimpulkan kerentanan rendah: hanya program yang terikat (tidak ada visi atau misi yang tersinkronisasi), dan program mengikuti nomenklatur nasional yang tetap berlaku setelah pergantian kepala daerah.",
    "program_counterpart_share": "Menyimpulkan bagian program masterplan yang tersinkronisasi dengan program RPJMD (padanannya dihitung menurut aturan yang berlaku), di samping jumlah yang dipadankan.",
    "period_same": "Menyimpulkan bahwa kedua rencana mencakup tahun yang sama.",
    "period_within": "Menyimpulkan bahwa periode masterplan berada di dalam periode RPJMD.",
    "period_beyond": "Menyimpulkan bahwa periode masterplan beririsan dengan periode RPJMD dan melampauinya: tahun-tahun sesudahnya akan berada di bawah RPJMD lain, yang dengannya masterplan harus diselaraskan lagi.",
    "period_disjoint": "Menyimpulkan bahwa kedua rencana tidak memiliki satu tahun pun yang sama.",
    # temuan (diagnostics)
    "chain_broken_below_start": "Melaporkan bahwa rantai putus di bawah tahap tempat sinkronisasi dimulai: tipologi yang berlaku (first-synchronized) menetapkan tipe pada tahap yang tersinkronisasi, padahal ada tahap di bawahnya yang tidak tersinkronisasi. Laporan ini menyebut tahap yang tersinkronisasi di atas putusnya rantai dan tahap yang memutusnya, dengan cakupannya; perlu ditinjau seseorang.",
    "synchronized_above_break": "Melaporkan tahap yang tersinkronisasi di atas rantai yang putus: tahap itu tersinkronisasi, tetapi tahap yang ada di bawahnya tidak, dan tipologi yang berlaku tidak memasukkannya ke dalam rantai yang tersinkronisasi, sehingga tahap itu tidak menentukan tipe.",
    "orphan_programs": "Melaporkan program masterplan tanpa padanan yang dihitung dengan program RPJMD: program itu tidak punya jalur pendanaan APBD.",
    "no_base_stage": "Melaporkan masterplan tanpa program: tanpa program tipe tidak dapat ditentukan.",
    "periods_disjoint": "Melaporkan periode rencana yang tidak beririsan: RPJMD yang dipadankan dengan masterplan tidak berlaku pada satu tahun pun dari masterplan.",
    "dimension_unsynchronized": "Melaporkan setiap dimensi smart city yang semua program masterplannya tidak tersinkronisasi: dimensi itu tidak punya jalur pendanaan APBD (satu temuan per dimensi).",
    "rests_on_suggested": "Melaporkan bahwa tipe bertumpu pada padanan usulan mesin: satu tahap dalam rantai yang tersinkronisasi mencapai ambangnya hanya dengan padanan itu, sehingga perlu diperiksa.",
    "suggested_matches_used": "Melaporkan unsur masterplan suatu tahap yang tersinkronisasi hanya oleh padanan usulan mesin: kesimpulan yang diambil darinya bertumpu pada padanan yang belum dikonfirmasi seorang pun.",
    "unbudgeted_rpjmd_programs": "Melaporkan program RPJMD yang dipadankan dengan program masterplan tetapi tidak memiliki pagu indikatif, atau pagunya nol, baik padanannya dihitung maupun ditolak oleh suatu aturan (pada budgeted-programs justru karena itu): program masterplan itu memiliki padanan tetapi tidak ada dana yang dapat digunakan.",
    # pendanaan
    "fundable_programs": "Menyimpulkan program masterplan mana yang dapat didanai melalui APBD: yang dipadankan dengan program RPJMD yang memiliki pagu indikatif di atas nol; bagiannya dari seluruh program masterplan; dan pagu indikatif program RPJMD berbeda yang dipadankannya.",
    "periods_apart": "Menyimpulkan bahwa tidak ada program masterplan yang dapat didanai APBD melalui RPJMD ini: periode kedua rencana tidak beririsan (karakteristik periode), sehingga pagu indikatif program RPJMD tidak mendanai satu pun tahun masterplan. Program yang tersinkronisasi dengan program RPJMD yang memiliki pagu, beserta pagunya, dicatat terpisah bersama kedua periodenya, tidak dihitung sebagai pendanaan.",
    "no_rpjmd_programs": "Menyimpulkan bahwa tidak ada program masterplan yang dapat didanai: RPJMD tidak memuat program.",
    "fundable_share_of_years": "Menyimpulkan program masterplan mana yang dapat didanai melalui APBD (seperti fundable_programs), bila kedua rencana hanya berbagi sebagian tahun RPJMD (RPJMD 2021-2026, masterplan 2026-2035): pagu tahun-tahun RPJMD lainnya tidak mendanai satu pun tahun masterplan. Program RPJMD yang pagunya diketahui per tahun dihitung dengan pagu tahun-tahun bersama saja; yang pagunya hanya diketahui untuk seluruh periode RPJMD dihitung dengan pagu itu, dan dinyatakan sebagai bagian yang tidak dapat dipisahkan.",
    "fundable_share_unsplit": "Menyimpulkan program masterplan mana yang dapat didanai melalui APBD (seperti fundable_programs), bila kedua rencana hanya berbagi sebagian tahun RPJMD dan berkas daerah tidak memuat pagu per tahun program RPJMD mana pun: pagunya adalah pagu seluruh periode RPJMD, yang hanya sebagiannya (tahun-tahun bersama) mendanai masterplan; pagu itu tidak dapat dipisahkan, dan dinyatakan demikian.",
    "chain_coverage": "Menyimpulkan seberapa lengkap rantai yang tersinkronisasi: penuh bila setiap tahap dalam rantai mencakup semua unsur masterplan-nya; jika tidak, tahap-tahap rantai yang tidak penuh beserta angkanya; dan tahap tersinkronisasi di luar rantai (di atas rantai yang putus).",
    "integration_full_in_part": "Menyimpulkan integrasi dari tahap teratas, sebagian: sinkronisasi dimulai pada tahap teratas, tetapi tidak setiap unsur pada tahap-tahap rantai tersinkronisasi (tahap-tahap itu beserta angkanya).",
    "integration_high_in_part": "Menyimpulkan integrasi tinggi, sebagian: sinkronisasi dimulai satu tahap di bawah tahap teratas, tetapi tidak setiap unsur pada tahap-tahap rantai tersinkronisasi.",
    "integration_partial_in_part": "Menyimpulkan integrasi sebagian, tidak penuh: masterplan bertemu dengan RPJMD mulai dari tahap yang lebih rendah, dan tidak setiap unsur pada tahap-tahap itu tersinkronisasi.",
    "integration_low_above_break": "Menyimpulkan integrasi lemah dengan tahap tersinkronisasi di atas rantai yang putus: rantai hanya berlaku pada tahap dasar, meskipun tahap yang lebih tinggi juga tersinkronisasi (rantai darinya putus, sehingga tidak menentukan tipe).",
    "funding_through_rpjmd_in_part": "Menyimpulkan bahwa masterplan didanai melalui RPJMD hanya untuk programnya yang tersinkronisasi: program lainnya tidak punya jalur pendanaan APBD.",
    "funding_programs_only": "Menyimpulkan bahwa hanya program tertentu yang punya jalur pendanaan APBD: tahap program tidak tersinkronisasi, tetapi sebagian programnya tersinkronisasi.",
    "exposure_above_break": "Menyimpulkan kerentanan tinggi terhadap pergantian kepala daerah meskipun rantai tidak mencapai visi atau misi: salah satunya tersinkronisasi di atas rantai yang putus, sehingga masterplan tetap mengambilnya dari RPJMD kepala daerah terpilih.",
    "condition_failed": "Melaporkan syarat dari aturan yang berlaku yang membuat sinkronisasi tidak dapat dimulai pada suatu tahap (syarat varian pada satu tipe): syarat itu menghalangi tipe tersebut.",
    "rpjmd_mission_coverage": "Menyimpulkan misi RPJMD mana yang tidak dicapai oleh program masterplan yang tersinkronisasi: sebuah program mencapai unsur RPJMD di atas padanannya, melalui induk-induk di RPJMD pada kedalaman berapa pun.",
    "rpjmd_mission_uncovered": "Menyimpulkan bahwa sinkronisasi tidak dapat dimulai pada misi: ada misi RPJMD yang tidak memiliki program masterplan tersinkronisasi di bawahnya.",
}


#: the shipped variants' descriptions in Indonesian, by variant name (the English ones are
#: the variants' own, in :mod:`smartsync.variants`)
VARIANTS = {
    "default": "Tipologi kajian: visi, misi, sasaran, program (tipe A-D).",
    "goal-stage": "Tahap tujuan di antara misi dan sasaran: lima tipe, A-E.",
    "first-synchronized": "Tipe ditentukan oleh tahap tersinkronisasi pertama (teratas), baik rantai di bawahnya berlaku maupun tidak.",
    "relations-per-stage": "Pada tahap visi dan misi hanya padanan diadopsi dan diturunkan yang dihitung; pada sasaran dan program padanan diselaraskan juga dihitung.",
    "budgeted-programs": "Program masterplan tersinkronisasi hanya bila program RPJMD padanannya memiliki pagu indikatif di atas nol.",
    "cascading": "Unsur di bawah tahap teratas masterplan tidak dihitung bila induknya dipadankan, tetapi tidak dengan unsur di atas padanan RPJMD-nya dalam pohon kinerja; unsur yang induk-induknya tidak dipadankan memulai pohon kinerjanya.",
}
