RETURN 'café Ạ' + "\u00e9" , 0x1F, 1e308, -9223372036854775808, 'a\'b' // comment
