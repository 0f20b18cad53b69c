"""The affairs of regional government, and the words that name them.

Two plan statements that share words may still be about different things:
*pelayanan kesehatan* and *pelayanan administrasi kependudukan* share
*pelayanan* but belong to different affairs (*urusan*) of regional
government, run by different agencies and funded by different programs. And a
masterplan that speaks of *CCTV* and *keamanan kota* is about the same affair
as the RPJMD's *ketenteraman dan ketertiban umum*, with no word in common.

RPJMD programs are organised by these affairs (the national nomenclature,
Permendagri 90/2019, codes them: ``1.02`` health, ``2.16`` communication and
informatics ...), so the affair a statement is about is domain knowledge worth
using. :data:`SECTORS` maps each affair to the words that name it in plan
language; a statement's affairs are those whose words it uses
(:func:`sectors_of`). The words are matched by stem, so *kesehatan* also finds
*sehat* and *menyehatkan*.

Information technology itself is deliberately not an affair here: in a smart
city masterplan nearly everything is digital, and the question is which affair
the technology serves.

>>> sorted(sectors_of("Meningkatkan kualitas pelayanan kesehatan"))
['kesehatan']
>>> sorted(sectors_of("Pemasangan CCTV untuk pemantauan keamanan kota"))
['ketertiban']
>>> sectors_of("Mewujudkan masyarakat yang sejahtera")
frozenset()
"""

from __future__ import annotations

import functools
from typing import Mapping

from .text import ABBREVIATIONS, terms

__all__ = ["SECTORS", "sectors_of", "sector_stems"]

#: affair -> words that name it (space separated; each word is stemmed)
SECTORS: Mapping[str, str] = {
    "pendidikan": "pendidikan sekolah pembelajaran guru siswa murid paud",
    "kesehatan": "kesehatan puskesmas sakit medis telemedicine gizi stunting imunisasi posyandu pasien bayi",
    "pekerjaan_umum": "jalan jembatan drainase irigasi konstruksi",
    "air_minum_sanitasi": "minum sanitasi limbah perpipaan",
    "perumahan": "perumahan permukiman kumuh",
    "tata_ruang": "ruang geoportal",
    "ketertiban": "ketertiban ketenteraman keamanan kriminalitas cctv satpol linmas",
    "kebakaran": "kebakaran pemadam damkar",
    "bencana": "bencana banjir longsor kesiapsiagaan evakuasi",
    "sosial": "sosial kemiskinan disabilitas rentan dtks terlantar",
    "tenaga_kerja": "kerja pengangguran",
    "perempuan_anak": "perempuan anak gender",
    "pangan_pertanian": "pangan pertanian petani farming peternakan hortikultura",
    "lingkungan_hidup": "pencemaran udara sampah persampahan emisi hayati",
    "kependudukan": "kependudukan akta ktp kelahiran",
    "desa": "desa perdesaan bumdes",
    "perhubungan": "transportasi angkutan lintas parkir kemacetan terminal penumpang",
    "umkm": "mikro koperasi wirausaha kewirausahaan omzet",
    "penanaman_modal": "investasi modal perizinan",
    "kepemudaan_olahraga": "pemuda kepemudaan olahraga atlet",
    "statistik": "statistik",
    "persandian": "persandian",
    "kebudayaan": "budaya kebudayaan seni kesenian cagar museum adat",
    "perpustakaan": "perpustakaan literasi",
    "kearsipan": "arsip",
    "perikanan": "perikanan nelayan pesisir",
    "pariwisata": "pariwisata wisata wisatawan destinasi",
    "perdagangan": "perdagangan ekspor harga",
    "perindustrian": "industri",
    "keuangan": "keuangan pajak anggaran budgeting retribusi",
    "kepegawaian": "kepegawaian pegawai aparatur",
    "perencanaan": "perencanaan evaluasi monev",
    "pengawasan": "pengawasan audit inspektorat",
    "energi": "energi listrik",
}


@functools.lru_cache(maxsize=1)
def sector_stems() -> Mapping[str, frozenset[str]]:
    """Stem -> the affairs it names (computed once from :data:`SECTORS`)."""
    index: dict[str, set[str]] = {}
    for sector, words in SECTORS.items():
        for word in words.split():
            if word in ABBREVIATIONS:
                # an abbreviation's words are not each the affair's (linmas is
                # "perlindungan masyarakat": "masyarakat" names no affair)
                continue
            for term in terms(word):
                index.setdefault(term.stem, set()).add(sector)
    return {stem: frozenset(found) for stem, found in index.items()}


def sectors_of(text: str) -> frozenset[str]:
    """The affairs a text names."""
    index = sector_stems()
    found: set[str] = set()
    for term in terms(text):
        found.update(index.get(term.stem, ()))
    return frozenset(found)
