"""Planners' knowledge as data: agency names, the names of services, the words of aims."""

from __future__ import annotations

from smartsync import Element, Period, Plan, Region
from smartsync.matching import load_nomenclature, suggest_matches
from smartsync.matching.suggest import _bridger


def _region(rpjmd: list[Element], masterplan: list[Element]) -> Region:
    return Region(id="9990", name="Kota Contoh", kind="kota",
                  rpjmd=Plan("rpjmd", Period(2021, 2026), rpjmd),
                  masterplan=Plan("masterplan", Period(2022, 2031), masterplan))


def _pairs(region: Region) -> set[tuple[str, str]]:
    return {m.key for m in suggest_matches(region)}


def test_an_agency_written_beside_a_program_does_not_lower_its_placement() -> None:
    """'Program Promosi Penanaman Modal (DPMPTSP)' is placed in the nomenclature as surely as its name alone."""
    bridger = _bridger(load_nomenclature())
    alone = bridger.program_for("Program Promosi Penanaman Modal", None)[1]
    with_agency = bridger.program_for("Program Promosi Penanaman Modal (DPMPTSP)", None)[1]
    assert with_agency.entry.code == alone.entry.code == "2.18.03"
    assert with_agency.confidence >= 0.95 * alone.confidence


def test_a_library_service_delivered_home_reaches_the_library_program() -> None:
    """Books lent through an app and brought to citizens' homes is the library program, not housing."""
    region = _region([Element("P1", "program", "Program Pembinaan Perpustakaan (Dinas Perpustakaan)")],
                     [Element("SP1", "program", "Aplikasi pinjam buku elektronik dan layanan antar buku ke rumah warga")])
    assert _pairs(region) == {("SP1", "P1")}


def test_a_job_exchange_is_placing_workers_not_training_them() -> None:
    """An online job exchange meets the job placement program, not the job training program."""
    region = _region([Element("P1", "program", "Program Pelatihan Kerja dan Produktivitas Tenaga Kerja (UPT Balai Latihan Kerja)"),
                      Element("P2", "program", "Program Penempatan Tenaga Kerja (Disnaker)")],
                     [Element("SP1", "program", "Bursa kerja online dan pencocokan lowongan bagi pencari kerja lulusan SMK")])
    assert _pairs(region) == {("SP1", "P2")}


def test_abuse_of_children_is_the_special_protection_program_not_childrens_rights() -> None:
    """A hotline for abused children meets the special protection of children, not the fulfilment of children's rights."""
    region = _region([Element("P1", "program", "Program Pemenuhan Hak Anak (DP3A)"),
                      Element("P2", "program", "Program Perlindungan Khusus Anak (DP3A)")],
                     [Element("SP1", "program", "Hotline dan aplikasi pengaduan kekerasan seksual terhadap anak dengan pendampingan korban")])
    assert _pairs(region) == {("SP1", "P2")}


def _score(a: str, b: str, level: str) -> float:
    from smartsync.matching import compare

    return compare(a, b, level=level).score


def test_non_cash_payment_by_small_businesses_serves_financial_inclusion() -> None:
    """A target of QRIS payments at market stalls meets the RPJMD target of financial inclusion."""
    from smartsync.matching import DEFAULT_THRESHOLD

    assert _score("Seluruh pedagang pasar menerima pembayaran QRIS",
                  "Meningkatnya inklusi keuangan masyarakat", "target") >= DEFAULT_THRESHOLD


def test_a_tax_paid_online_serves_fiscal_independence() -> None:
    """A target of local taxes paid through e-tax meets the RPJMD target of fiscal independence."""
    from smartsync.matching import DEFAULT_THRESHOLD

    assert _score("Pajak restoran dibayar melalui e-tax",
                  "Meningkatnya kemandirian fiskal daerah", "target") >= DEFAULT_THRESHOLD


def test_a_tolerant_city_serves_religious_harmony() -> None:
    """A mission of tolerant, close-knit citizens meets the RPJMD mission of harmony in diversity."""
    from smartsync.matching import DEFAULT_THRESHOLD

    assert _score("Warga yang toleran dan guyub di dunia digital",
                  "Memperkuat kerukunan umat beragama dan kebhinekaan", "mission") >= DEFAULT_THRESHOLD


def test_a_volunteer_is_not_a_hazard() -> None:
    """'relawan' (a volunteer) is not stemmed to 'rawan' (prone to): flood-prone spots share nothing with volunteers."""
    from smartsync.matching.text import stem

    assert stem("relawan") == stem("kerelawanan") == "relawan"
    assert _score("Platform relawan digital", "Titik rawan banjir", "mission") == 0.0


def test_a_service_named_by_a_word_the_nomenclature_never_uses_is_still_bridged_by_its_other_words() -> None:
    """'Aplikasi Sipandu untuk sekolah': the brand name reaches nothing, so the frequent word 'sekolah' is the way in."""
    region = _region([Element("P1", "program", "Program Pengelolaan Pendidikan", code="1.01.02")],
                     [Element("SP1", "program", "Aplikasi Sipandu untuk sekolah")])
    (match,) = suggest_matches(region)
    assert match.key == ("SP1", "P1") and match.note.startswith("via program 1.01.02")


def test_a_village_admin_serves_the_capacity_of_village_government() -> None:
    """A target of village admins running village websites meets the RPJMD target on the capacity of village government."""
    from smartsync.matching import DEFAULT_THRESHOLD

    assert _score("Admin desa mengelola website desa",
                  "Meningkatnya kapasitas aparatur pemerintah desa", "target") >= DEFAULT_THRESHOLD


def test_daily_staple_prices_serve_the_inflation_target() -> None:
    """A target of staple prices published daily meets the RPJMD target of controlled inflation."""
    from smartsync.matching import DEFAULT_THRESHOLD

    assert _score("Harga bahan pokok di pasar diumumkan setiap hari melalui aplikasi",
                  "Terkendalinya inflasi daerah", "target") >= DEFAULT_THRESHOLD


def test_crimes_caught_on_camera_serve_public_order() -> None:
    """A target of crimes in public spaces recorded and handled meets the RPJMD target of public order."""
    from smartsync.matching import DEFAULT_THRESHOLD

    assert _score("Kejadian kriminal di taman kota terekam kamera dan ditangani cepat",
                  "Menurunnya gangguan ketenteraman dan ketertiban umum", "target") >= DEFAULT_THRESHOLD


def test_live_bus_positions_serve_the_use_of_public_transport() -> None:
    """A target of passengers seeing where city buses are meets the RPJMD target on the use of public transport."""
    from smartsync.matching import DEFAULT_THRESHOLD

    assert _score("Penumpang bus kota dapat melihat posisi armada secara waktu nyata",
                  "Meningkatnya penggunaan angkutan umum", "target") >= DEFAULT_THRESHOLD


def test_a_household_or_a_greenhouse_does_not_make_a_concept_name_housing() -> None:
    """'rumah tangga', 'rumah kaca', 'rawat jalan' in a concept's phrases do not make it name housing or roads."""
    from smartsync.matching.sectors import concept_sectors

    named = concept_sectors()
    for concept in ("~sampah", "~emisi", "~gender", "~industri_kecil", "~air_minum", "~layanan_rujukan"):
        assert not named.get(concept, frozenset()) & {"perumahan", "pekerjaan_umum"}, concept


def test_an_agency_spelled_out_after_a_program_is_not_read_as_what_the_program_is() -> None:
    """'(Dinas Komunikasi, Informatika, Statistik dan Persandian)' or '— Dinas ...' after a name: placed as the name alone."""
    from smartsync.matching import load_nomenclature

    nom = load_nomenclature()
    alone = nom.place("Program Pengelolaan Aplikasi Informatika")[0]
    for text in ("Program Pengelolaan Aplikasi Informatika (Dinas Komunikasi, Informatika, Statistik dan Persandian)",
                 "Program Pengelolaan Aplikasi Informatika — Dinas Komunikasi, Informatika dan Persandian",
                 "Program Pengelolaan Aplikasi Informatika | Diskominfo Kota"):
        placed = nom.place(text)[0]
        assert (placed.entry.code, placed.confidence) == (alone.entry.code, alone.confidence), text


def test_a_service_used_from_home_is_not_about_housing() -> None:
    """'mendaftar dari rumah' (registering from home) says how a health service is used: it does not name housing."""
    from smartsync.matching.sectors import sectors_of

    assert "perumahan" not in sectors_of("Pasien cukup mendaftar dari rumah lalu datang saat gilirannya diperiksa")


def test_temples_marketed_to_tourists_serve_tourism_grounded_in_culture() -> None:
    """A mission marketing beaches, temples (pura) and tourist villages meets tourism grounded in local culture."""
    from smartsync.matching import DEFAULT_THRESHOLD

    assert _score("Pantai, pura dan desa wisata dipasarkan lewat satu aplikasi pariwisata",
                  "Mewujudkan pariwisata berkualitas yang berlandaskan kebudayaan daerah", "mission") >= DEFAULT_THRESHOLD
